import SlopeCore
import Foundation

/// Where a hyperparameter's values come from, in W&B sweep terms.
public enum Domain: Hashable, Sendable, Encodable {
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)
    /// Log-uniform on [min, max], 0 < min: uniform in log space (`log_uniform_values`).
    case logUniform(min: Double, max: Double)
    /// Integers min ... max, each equally likely (`int_uniform`).
    case intUniform(min: Int, max: Int)
    /// Integers min ... max on a log scale, 1 ≤ min (`q_log_uniform_values` with q: 1; Optuna's
    /// `suggest_int(log=True)`): log-uniform on [min − ½, max + ½], rounded, so that each
    /// integer k has the share log((k + ½) / (k − ½)) (a batch size, a width).
    case logInt(min: Int, max: Int)
    /// Uniform on [min, max] rounded to a multiple of q (`q_uniform`).
    case quantized(min: Double, max: Double, q: Double)
    /// One of a list (`values`): categorical, or boolean when the list is true/false.
    case values([ParameterValue])

    /// `value` as this domain holds it (a whole number for an integer domain, a real for a
    /// range, one of the list), or nil when the domain does not hold it.
    public func accepting(_ value: ParameterValue) -> ParameterValue? {
        switch self {
        case let .uniform(lo, hi), let .logUniform(lo, hi):
            guard let x = value.number, x >= lo, x <= hi else { return nil }
            return .real(x)
        case let .intUniform(lo, hi), let .logInt(lo, hi):
            guard let x = value.number, x == x.rounded(), x >= Double(lo), x <= Double(hi) else { return nil }
            return .integer(Int(x))
        case let .quantized(lo, hi, q):
            guard let x = value.number, x >= lo, x <= hi, abs(x / q - (x / q).rounded()) <= 1e-9 * Swift.max(1, abs(x / q)) else { return nil }
            return .real((x / q).rounded() * q)
        case let .values(list):
            return list.first { $0 == value || ($0.number != nil && $0.number == value.number) }
        }
    }

    /// The value at position `u` in [0, 1) of the unit interval: the inverse of the domain's
    /// distribution function, so a uniform `u` gives the domain's distribution.
    public func value(at u: Double) -> ParameterValue {
        switch self {
        case let .uniform(lo, hi):
            return .real(lo + u * (hi - lo))
        case let .logUniform(lo, hi):
            return .real(Swift.min(hi, Swift.max(lo, exp(log(lo) + u * (log(hi) - log(lo))))))
        case let .intUniform(lo, hi):
            let span = Double(hi - lo + 1)
            return .integer(lo + Swift.min(hi - lo, Int((u * span).rounded(.down))))
        case let .logInt(lo, hi):
            let (a, b) = (log(Double(lo) - 0.5), log(Double(hi) + 0.5))
            return .integer(Int(Swift.min(Double(hi), Swift.max(Double(lo), exp(a + u * (b - a)).rounded()))))
        case let .quantized(lo, hi, q):
            // The multiples of q inside [lo, hi], each with the share of [lo, hi] nearest to it.
            let first = (lo / q).rounded(.up), last = (hi / q).rounded(.down)
            let k = Swift.min(last, Swift.max(first, ((lo + u * (hi - lo)) / q).rounded()))
            return .real(k * q)
        case let .values(list):
            return list[Swift.min(list.count - 1, Int((u * Double(list.count)).rounded(.down)))]
        }
    }
}
