import ArgumentParser
import SlopeCore
import SlopeOutput

extension Activation: ExpressibleByArgument {}
extension FeatureScaling: ExpressibleByArgument {}
extension Convention: ExpressibleByArgument {}
extension TrendSeries: ExpressibleByArgument {}

/// The loss names accepted by `--loss`.
enum LossName: String, CaseIterable, ExpressibleByArgument {
    case mse, logcosh, huber

    func loss(delta: Double) -> Loss {
        switch self {
        case .mse: return .mse
        case .logcosh: return .logCosh
        case .huber: return .huber(delta: delta)
        }
    }
}

/// A comma-separated list of column names; a name that holds a comma is written in double
/// quotes as in a CSV header (`'"a,b",c'`).
struct NameList: ExpressibleByArgument {
    let names: [String]
    init?(argument: String) {
        var names: [String] = [], current = "", quoted = false, wasQuoted = false
        var characters = argument.makeIterator()
        while let ch = characters.next() {
            switch ch {
            case "\"" where quoted:
                quoted = false
            case "\"" where current.trimmingCharacters(in: .whitespaces).isEmpty:
                quoted = true
                wasQuoted = true
                current = ""
            case "," where !quoted:
                names.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
                current = ""
                wasQuoted = false
            default:
                current.append(ch)
            }
        }
        guard !quoted else { return nil }
        names.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
        if names.contains(where: \.isEmpty) { return nil }
        self.names = names
    }
}

/// A CSV delimiter: one character, or `comma`, `semicolon`, `tab` / `\t`.
struct Delimiter: ExpressibleByArgument {
    let character: Character
    init?(argument: String) {
        switch argument.lowercased() {
        case "tab", "\\t", "\t": character = "\t"
        case "semicolon": character = ";"
        case "comma": character = ","
        default:
            guard argument.count == 1, let c = argument.first else { return nil }
            character = c
        }
    }

    var defaultValueDescription: String { character == "\t" ? "tab" : String(character) }

    static var allValueStrings: [String] { ["comma", "semicolon", "tab", "any one character"] }
}

extension Kernel: ExpressibleByArgument {}
extension MissingPolicy: ExpressibleByArgument {}
extension PValueAdjustment: ExpressibleByArgument {}

extension HSICEstimator: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }
}

extension Bandwidth: ExpressibleByArgument {
    /// `std`, `median` or a positive number.
    public init?(argument: String) {
        switch argument {
        case "std": self = .std
        case "median": self = .median
        default:
            guard let s = Double(argument) else { return nil }
            self = .fixed(s)
        }
    }

    public var defaultValueDescription: String { description }
}

/// The kernel of levels: plain Kronecker or weighted by 1/p.
enum LevelKernel: String, CaseIterable, ExpressibleByArgument {
    case dirac, weighted
}
