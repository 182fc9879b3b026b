import Foundation

/// The type of an input, which decides its kernel.
public enum InputKind: String, Sendable, Codable {
    /// A real number: the chosen stationary kernel.
    case continuous
    /// A positive real read on a log scale: the kernel on ln x.
    case log
    /// An integer: as continuous.
    case integer
    /// Unordered levels: the Kronecker kernel.
    case categorical
    /// Two levels: the Kronecker kernel.
    case boolean
}

/// One input's values, with the rows where it is active.
public struct HSICInput: Sendable {
    /// The values of the input: reals (log inputs already on the log scale), or level codes.
    public enum Values: Sendable {
        /// `nil` where the input is inactive.
        case real([Double?])
        /// Codes into `names`; `nil` where the input is inactive.
        case levels([Int?], names: [String])
    }

    public let name: String
    public let kind: InputKind
    public let values: Values

    /// - Parameter values: for `.log` inputs, the values on the log scale.
    public init(name: String, kind: InputKind, values: Values) {
        self.name = name
        self.kind = kind
        self.values = values
    }

    /// The input on the given rows only, in that order.
    public func restricted(to rows: [Int]) -> HSICInput {
        switch values {
        case .real(let v): return HSICInput(name: name, kind: kind, values: .real(rows.map { v[$0] }))
        case .levels(let v, let names): return HSICInput(name: name, kind: kind, values: .levels(rows.map { v[$0] }, names: names))
        }
    }

    /// The rows where the input has a value.
    public var activeRows: [Int] {
        switch values {
        case .real(let v): return v.indices.filter { v[$0] != nil }
        case .levels(let v, _): return v.indices.filter { v[$0] != nil }
        }
    }

    /// The input's values on `rows` mapped to about U[0, 1] (Novello et al.): reals by their
    /// min and max there, levels equally spaced in the order of their names.
    func unitValues(rows: [Int]) -> [Double] {
        switch values {
        case .real(let v):
            let x = rows.map { v[$0]! }
            let lo = x.min() ?? 0, hi = x.max() ?? 0
            return x.map { hi > lo ? ($0 - lo) / (hi - lo) : 0 }
        case .levels(let v, let names):
            let order = names.indices.sorted { names[$0] < names[$1] }
            var rank = [Int](repeating: 0, count: names.count)
            for (r, code) in order.enumerated() { rank[code] = r }
            let span = Double(max(1, names.count - 1))
            return rows.map { Double(rank[v[$0]!]) / span }
        }
    }

    /// True when the input takes one value on `rows` (or none).
    func takesOneValue(rows: [Int]) -> Bool {
        switch values {
        case .real(let v): return Set(rows.map { v[$0] }).count <= 1
        case .levels(let v, _): return Set(rows.map { v[$0] }).count <= 1
        }
    }

    /// The Gram matrix of the input on `rows`, or nil when it takes one value there.
    func gram(rows: [Int], kernels: KernelChoice) -> GramMatrix? {
        if kernels.unitMap {
            let x = unitValues(rows: rows)
            guard let s = kernels.bandwidth.scale(for: x) else { return nil }
            return GramMatrix(values: x, kernel: .gaussian, scale: s)
        }
        switch values {
        case .real(let v):
            let x = rows.map { v[$0]! }
            guard Set(x).count > 1 else { return nil }
            if !kernels.kernel.usesScale { return GramMatrix(values: x, kernel: kernels.kernel, scale: 1) }
            guard let s = kernels.bandwidth.scale(for: x) else { return nil }
            return GramMatrix(values: x, kernel: kernels.kernel, scale: s)
        case .levels(let v, _):
            let codes = rows.map { v[$0]! }
            guard Set(codes).count > 1 else { return nil }
            return GramMatrix(levels: codes, weighted: kernels.weightedCategorical)
        }
    }

    /// The input's Gram matrix on `rows` as a factor (Gaussian kernel with the
    /// standard-deviation length scale for reals, Kronecker for levels), or nil when it takes
    /// one value there.
    func factor(rows: [Int]) -> KernelFactor? {
        switch values {
        case .real(let v):
            let x = rows.map { v[$0]! }
            guard Set(x).count > 1, let s = Bandwidth.std.scale(for: x) else { return nil }
            return KernelFactor(gaussian: x, scale: s)
        case .levels(let v, _):
            let codes = rows.map { v[$0]! }
            guard Set(codes).count > 1 else { return nil }
            return KernelFactor(levels: codes)
        }
    }

    /// Whether the input's kernel has k(x, x) = 1, as the gamma p-value needs.
    func hasUnitDiagonal(_ kernels: KernelChoice) -> Bool {
        if kernels.unitMap { return true }
        switch values {
        case .real: return kernels.kernel.hasUnitDiagonal
        case .levels: return !kernels.weightedCategorical
        }
    }
}

/// The kernels used for the inputs.
public struct KernelChoice: Sendable, Equatable {
    /// The kernel of real inputs.
    public var kernel: Kernel = .gaussian
    /// The length-scale rule of real inputs (and of the output).
    public var bandwidth: Bandwidth = .std
    /// The 1/p-weighted Kronecker kernel for levels instead of the plain one.
    public var weightedCategorical = false
    /// Novello et al.'s treatment: every input mapped to about U[0, 1], one Gaussian kernel.
    public var unitMap = false

    public init() {}
}

extension HSICInput {
    /// An input of levels: `labels` coded by their place in `names`, with labels not in it
    /// appended in order of first appearance; boolean when every level is true or false
    /// (any case), else categorical. nil labels are inactive.
    /// - Complexity: O(rows + levels).
    public static func levels(name: String, labels: [String?], names order: [String] = []) -> HSICInput {
        var names = order
        var code = Dictionary(names.enumerated().map { ($1, $0) }) { first, _ in first }
        for label in labels.compactMap({ $0 }) where code[label] == nil {
            code[label] = names.count
            names.append(label)
        }
        let isBoolean = Set(names.map { $0.lowercased() }).isSubset(of: ["true", "false"])
        return HSICInput(name: name, kind: isBoolean ? .boolean : .categorical,
                         values: .levels(labels.map { $0.map { code[$0]! } }, names: names))
    }

    /// A numeric input: integer when every value is whole, else continuous. nil values are inactive.
    public static func numbers(name: String, values: [Double?]) -> HSICInput {
        let integral = values.allSatisfy { $0 == nil || $0!.rounded() == $0! }
        return HSICInput(name: name, kind: integral ? .integer : .continuous, values: .real(values))
    }
}
