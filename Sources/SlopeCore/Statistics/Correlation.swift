import Foundation

/// A correlation coefficient and its two-sided p-value for "no correlation".
public struct CorrelationTest: Sendable, Equatable {
    /// The coefficient in [-1, 1].
    public let coefficient: Double
    /// Two-sided p-value from Student's t with m − 2 degrees of freedom.
    public let p: Double
}

/// Pearson and Spearman correlation, with the p-values SciPy's `pearsonr` / `spearmanr` give.
public enum Correlation {
    /// Pearson's r, or `nil` when either series is constant or shorter than 2.
    /// - Complexity: O(m).
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "series of equal length")
        let m = Double(x.count)
        guard x.count >= 2 else { return nil }
        let mx = x.reduce(0, +) / m, my = y.reduce(0, +) / m
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for k in x.indices {
            let dx = x[k] - mx, dy = y[k] - my
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy
        }
        guard sxx > 0 && syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }

    /// Spearman's ρ: Pearson's r of the average (tie-corrected) ranks.
    /// - Complexity: O(m log m).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(Ranks.average(x), Ranks.average(y))
    }

    /// Pearson's r with its p-value, or `nil` when undefined (constant series, m < 3).
    public static func pearsonTest(_ x: [Double], _ y: [Double]) -> CorrelationTest? {
        pearson(x, y).flatMap { test($0, count: x.count) }
    }

    /// Spearman's ρ with its p-value (t approximation, as SciPy), or `nil` when undefined.
    public static func spearmanTest(_ x: [Double], _ y: [Double]) -> CorrelationTest? {
        spearman(x, y).flatMap { test($0, count: x.count) }
    }

    /// The 95 % interval of Spearman's ρ on m rows by Fisher's z: tanh(atanh ρ ± 1.96·se),
    /// se = 1.03/√(m − 3) (docs/method.md, "Correlations and p-values"); nil for m ≤ 3.
    /// - Complexity: O(1).
    public static func spearmanInterval(_ rho: Double, count m: Int) -> Interval? {
        guard m > 3 else { return nil }
        let z = atanh(max(-0.999999, min(0.999999, rho))), se = 1.03 / Double(m - 3).squareRoot()
        return Interval(lower: tanh(z - 1.96 * se), upper: tanh(z + 1.96 * se))
    }

    /// p = P(|T| ≥ |t|), t = r √((m − 2)/(1 − r²)); computed as I_{1−r²}((m − 2)/2, 1/2)
    /// so that no precision is lost forming t.
    static func test(_ r: Double, count m: Int) -> CorrelationTest? {
        guard m >= 3 else { return nil }
        let df = Double(m - 2)
        let p = IncompleteBeta.regularized((1 - r) * (1 + r), df / 2, 0.5)
        return CorrelationTest(coefficient: r, p: p)
    }
}
