import ArgumentParser
import SlopeCore

extension Activation: ExpressibleByArgument {}
extension FeatureScaling: ExpressibleByArgument {}
extension Convention: ExpressibleByArgument {}

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

/// A comma-separated list of column names.
struct NameList: ExpressibleByArgument {
    let names: [String]
    init?(argument: String) {
        names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if names.isEmpty || names.contains(where: \.isEmpty) { return nil }
    }
}

/// A CSV delimiter: one character, or `tab` / `\t`.
struct Delimiter: ExpressibleByArgument {
    let character: Character
    init?(argument: String) {
        switch argument {
        case "tab", "\\t", "\t": character = "\t"
        default:
            guard argument.count == 1, let c = argument.first else { return nil }
            character = c
        }
    }
}
