import Foundation

/// The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a).
public enum IncompleteGamma {
    /// Q(a, x) for a > 0 and x ≥ 0: the probability that a Gamma(a, 1) variable exceeds x.
    ///
    /// The series of P = 1 − Q for x < a + 1, the Legendre continued fraction (modified Lentz)
    /// otherwise (Numerical Recipes §6.2), so that a tail probability is computed directly and
    /// keeps its relative accuracy (about 1e-14) even when it is 1e-300.
    public static func upperRegularized(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0, "a must be positive")
        if x <= 0 { return 1 }
        let logFront = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            return 1 - exp(logFront) * lowerSeries(a, x)
        }
        return exp(logFront) * upperFraction(a, x)
    }

    /// Σ x^k / (a (a+1) … (a+k)), so that P(a, x) = e^{-x} x^a / Γ(a) · Σ.
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a, sum = term, ap = a
        for _ in 0..<100_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum
    }

    /// The continued fraction 1/(x+1−a− 1·(1−a)/(x+3−a− …)) with Q = e^{-x} x^a / Γ(a) · CF.
    private static func upperFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
