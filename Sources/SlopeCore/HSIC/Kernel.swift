import Foundation

/// A kernel on one real input, k(x, x') = φ(|x − x'| / s) for the stationary ones.
public enum Kernel: String, Sendable, CaseIterable, Codable {
    /// exp(−r² / (2 s²)).
    case gaussian
    /// exp(−r / s).
    case laplace
    /// (1 + √3 r/s) exp(−√3 r/s).
    case matern32
    /// (1 + √5 r/s + 5 r²/(3 s²)) exp(−√5 r/s).
    case matern52
    /// x · x' (no scale; not normalised, so it has no gamma p-value).
    case linear

    /// Whether k(x, x) = 1 for every x, which the gamma approximation assumes.
    public var hasUnitDiagonal: Bool { self != .linear }

    /// Whether the kernel uses a length scale.
    public var usesScale: Bool { self != .linear }

    /// k(x, y) with length scale `scale` (ignored by `.linear`).
    @inline(__always)
    public func callAsFunction(_ x: Double, _ y: Double, scale: Double) -> Double {
        switch self {
        case .gaussian:
            let r = (x - y) / scale
            return exp(-0.5 * r * r)
        case .laplace:
            return exp(-abs(x - y) / scale)
        case .matern32:
            let r = 3.0.squareRoot() * abs(x - y) / scale
            return (1 + r) * exp(-r)
        case .matern52:
            let r = 5.0.squareRoot() * abs(x - y) / scale
            return (1 + r + r * r / 3) * exp(-r)
        case .linear:
            return x * y
        }
    }
}

/// How the length scale s of a stationary kernel is chosen from the sample.
public enum Bandwidth: Sendable, Equatable, CustomStringConvertible {
    /// The sample standard deviation (n − 1 denominator), OpenTURNS's rule.
    case std
    /// The median of |x_i − x_j| over i < j (Novello et al.'s rule).
    case median
    /// A given positive scale.
    case fixed(Double)

    public var description: String {
        switch self {
        case .std: return "std"
        case .median: return "median"
        case .fixed(let s): return "\(s)"
        }
    }

    /// The scale for `values`, or nil when the rule gives 0 (a constant sample).
    /// - Complexity: O(n) for `.std`, O(n² log n) for `.median` (n² / 2 distances sorted).
    public func scale(for values: [Double]) -> Double? {
        switch self {
        case .fixed(let s):
            return s
        case .std:
            let n = Double(values.count)
            guard values.count > 1 else { return nil }
            let mean = values.reduce(0, +) / n
            let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let s = (ss / (n - 1)).squareRoot()
            return s > 0 ? s : nil
        case .median:
            var distances: [Double] = []
            distances.reserveCapacity(values.count * (values.count - 1) / 2)
            for i in values.indices {
                for j in 0..<i { distances.append(abs(values[i] - values[j])) }
            }
            guard let s = Median.of(distances), s > 0 else { return nil }
            return s
        }
    }
}
