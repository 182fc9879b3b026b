import SlopeCore
import Foundation

/// How TPE sees one hyperparameter (docs/method.md, "TPE"): a number on a linear or log axis,
/// continuous or on a grid of `step`, or one of `count` categories. TPE works in internal
/// coordinates: the logarithm on a log axis, the index of a category.
enum TPEAxis: Sendable, Equatable {
    /// Values in [low, high] (internal units); `step` > 0 for a grid low, low + step, ….
    case numeric(low: Double, high: Double, step: Double?, log: Bool)
    case categorical(count: Int)

    init(_ domain: Domain) {
        switch domain {
        case let .uniform(lo, hi): self = .numeric(low: lo, high: hi, step: nil, log: false)
        case let .logUniform(lo, hi): self = .numeric(low: Foundation.log(lo), high: Foundation.log(hi), step: nil, log: true)
        case let .intUniform(lo, hi): self = .numeric(low: Double(lo), high: Double(hi), step: 1, log: false)
        // Each integer's share of the log axis, as in the prior (`Domain.logInt`).
        case let .logInt(lo, hi):
            self = .numeric(low: Foundation.log(Double(lo) - 0.5), high: Foundation.log(Double(hi) + 0.5), step: nil, log: true)
        case let .quantized(lo, hi, q):
            let first = (lo / q).rounded(.up) * q, last = (hi / q).rounded(.down) * q
            self = .numeric(low: first, high: Swift.max(first, last), step: q, log: false)
        case let .values(list): self = .categorical(count: list.count)
        }
    }

    /// True on a log axis.
    var isLog: Bool { if case let .numeric(_, _, _, log) = self { return log } else { return false } }

    /// The interval kernels live on: [low, high], widened by half a step on a grid so that
    /// the end points weigh as much as the others.
    var bounds: (low: Double, high: Double) {
        guard case let .numeric(low, high, step, _) = self else { return (0, 0) }
        let half = (step ?? 0) / 2
        return (low - half, high + half)
    }
}

extension Domain {
    /// A value of this domain in TPE's internal coordinates; nil for a value the domain
    /// cannot hold (a stored trial from an edited spec), which TPE leaves out.
    func tpeCoordinate(_ value: ParameterValue) -> Double? {
        switch (self, value) {
        case let (.logUniform(lo, hi), v):
            guard let x = v.number, x >= lo, x <= hi else { return nil }
            return log(x)
        case let (.values(list), v):
            return list.firstIndex(of: v).map(Double.init)
        case let (.uniform(lo, hi), v), let (.quantized(lo, hi, _), v):
            guard let x = v.number, x >= lo, x <= hi else { return nil }
            return x
        case let (.intUniform(lo, hi), .integer(k)):
            return k >= lo && k <= hi ? Double(k) : nil
        case (.intUniform, _):
            return nil
        case let (.logInt(lo, hi), .integer(k)):
            return k >= lo && k <= hi ? log(Double(k)) : nil
        case (.logInt, _):
            return nil
        }
    }

    /// The value at internal coordinate `x`, snapped to the domain (clamped into its range
    /// before any conversion to an integer, so no `x` traps).
    func tpeValue(_ x: Double) -> ParameterValue {
        func clamp(_ v: Double, _ lo: Double, _ hi: Double) -> Double { Swift.min(hi, Swift.max(lo, v.isNaN ? lo : v)) }
        switch self {
        case let .uniform(lo, hi): return .real(clamp(x, lo, hi))
        case let .logUniform(lo, hi): return .real(clamp(exp(x), lo, hi))
        case let .intUniform(lo, hi): return .integer(Int(clamp(x.rounded(), Double(lo), Double(hi))))
        case let .logInt(lo, hi): return .integer(Int(clamp(exp(clamp(x, -700, 700)).rounded(), Double(lo), Double(hi))))
        case let .quantized(lo, hi, q):
            let first = (lo / q).rounded(.up), last = Swift.max(first, (hi / q).rounded(.down))
            return .real(clamp((x / q).rounded(), first, last) * q)
        case let .values(list): return list[Int(clamp(x.rounded(), 0, Double(list.count - 1)))]
        }
    }
}
