import Foundation
import SlopeCore

/// The normal distribution truncated to [low, high], as TPE's kernels use it.
enum TruncatedNormal {
    /// A draw by rejection from the untruncated normal. TPE's kernels have their mean inside
    /// [low, high] and a width at most the range, so a draw is accepted with probability at
    /// least Φ(1) − Φ(0) ≈ 0.34.
    static func sample(mean: Double, sd: Double, low: Double, high: Double, generator g: inout SeededGenerator) -> Double {
        guard high > low, sd > 0 else { return min(high, max(low, mean)) }
        for _ in 0..<1000 {
            let x = mean + sd * g.nextNormal()
            if x >= low && x <= high { return x }
        }
        return min(high, max(low, mean))
    }

    /// log of the density at `x` or, with a `step`, of the mass of [x − step/2, x + step/2].
    static func logDensity(_ x: Double, mean: Double, sd: Double, low: Double, high: Double, step: Double?) -> Double {
        guard high > low, sd > 0 else { return 0 }
        let normaliser = logMass((low - mean) / sd, (high - mean) / sd)
        if let step {
            return logMass((x - step / 2 - mean) / sd, (x + step / 2 - mean) / sd) - normaliser
        }
        let z = (x - mean) / sd
        return -0.5 * z * z - log(sd) - 0.5 * log(2 * Double.pi) - normaliser
    }

    /// log(Φ(b) − Φ(a)) for a < b, from the tail on the side of the interval (erfc keeps its
    /// relative precision far into a tail, where 1 − Φ would round to 0).
    static func logMass(_ a: Double, _ b: Double) -> Double {
        let r = 2.0.squareRoot()
        if a >= 0 { return log(0.5 * (erfc(a / r) - erfc(b / r))) }
        if b <= 0 { return log(0.5 * (erfc(-b / r) - erfc(-a / r))) }
        return log(1 - 0.5 * erfc(b / r) - 0.5 * erfc(-a / r))
    }
}
