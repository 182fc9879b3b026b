import Foundation

/// A truncated Taylor series in one variable u: a value and its first three derivatives.
///
/// `Jet.variable(u)` seeds u itself (derivative 1); evaluating any `SmoothScalar` code on it
/// returns f(u), f'(u), f''(u) and f'''(u) exactly, up to rounding: Taylor-mode automatic
/// differentiation, never finite differences. Products follow Leibniz's rule and elementary
/// functions Faà di Bruno's formula, both truncated after the third order.
///
/// - Complexity: every operation is O(1) (a few multiplications).
@frozen
public struct Jet: SmoothScalar, Equatable {
    /// f, f', f'', f'''.
    public var value, d1, d2, d3: Double

    @inlinable
    public init(value: Double, d1: Double, d2: Double, d3: Double) {
        self.value = value; self.d1 = d1; self.d2 = d2; self.d3 = d3
    }

    /// A constant: all derivatives zero.
    @inlinable public init(_ constant: Double) { self.init(value: constant, d1: 0, d2: 0, d3: 0) }

    /// The independent variable at `u` (derivative 1).
    @inlinable public static func variable(_ u: Double) -> Jet { Jet(value: u, d1: 1, d2: 0, d3: 0) }

    @inlinable public var primal: Double { value }

    /// f∘self, given f and its first three derivatives at `value` (Faà di Bruno).
    @inlinable
    public func composed(_ f0: Double, _ f1: Double, _ f2: Double, _ f3: Double) -> Jet {
        let u1 = d1, u2 = d2, u3 = d3
        return Jet(value: f0,
                   d1: f1 * u1,
                   d2: f2 * u1 * u1 + f1 * u2,
                   d3: f3 * u1 * u1 * u1 + 3 * f2 * u1 * u2 + f1 * u3)
    }
}

// MARK: - Arithmetic

extension Jet {
    @inlinable public static func + (a: Jet, b: Jet) -> Jet {
        Jet(value: a.value + b.value, d1: a.d1 + b.d1, d2: a.d2 + b.d2, d3: a.d3 + b.d3)
    }
    @inlinable public static func - (a: Jet, b: Jet) -> Jet {
        Jet(value: a.value - b.value, d1: a.d1 - b.d1, d2: a.d2 - b.d2, d3: a.d3 - b.d3)
    }
    @inlinable public static prefix func - (a: Jet) -> Jet {
        Jet(value: -a.value, d1: -a.d1, d2: -a.d2, d3: -a.d3)
    }
    /// Leibniz's rule.
    @inlinable public static func * (a: Jet, b: Jet) -> Jet {
        Jet(value: a.value * b.value,
            d1: a.d1 * b.value + a.value * b.d1,
            d2: a.d2 * b.value + 2 * a.d1 * b.d1 + a.value * b.d2,
            d3: a.d3 * b.value + 3 * (a.d2 * b.d1 + a.d1 * b.d2) + a.value * b.d3)
    }
    @inlinable public static func / (a: Jet, b: Jet) -> Jet { a * reciprocal(b) }

    @inlinable public static func + (a: Jet, c: Double) -> Jet {
        Jet(value: a.value + c, d1: a.d1, d2: a.d2, d3: a.d3)
    }
    @inlinable public static func - (a: Jet, c: Double) -> Jet { a + (-c) }
    @inlinable public static func * (a: Jet, c: Double) -> Jet {
        Jet(value: a.value * c, d1: a.d1 * c, d2: a.d2 * c, d3: a.d3 * c)
    }
    @inlinable public static func * (c: Double, a: Jet) -> Jet { a * c }

    /// 1/x.
    @inlinable public static func reciprocal(_ x: Jet) -> Jet {
        let r = 1 / x.value
        let r2 = r * r
        return x.composed(r, -r2, 2 * r2 * r, -6 * r2 * r2)
    }
}

// MARK: - Elementary functions

extension Jet {
    @inlinable public static func exp(_ x: Jet) -> Jet {
        let e = Double.exp(x.value)
        return x.composed(e, e, e, e)
    }

    @inlinable public static func log(_ x: Jet) -> Jet {
        let r = 1 / x.value
        return x.composed(Double.log(x.value), r, -r * r, 2 * r * r * r)
    }

    @inlinable public static func sqrt(_ x: Jet) -> Jet {
        let s = x.value.squareRoot()
        let r = 1 / s
        let r3 = r * r * r
        return x.composed(s, 0.5 * r, -0.25 * r3, 0.375 * r3 * r * r)
    }

    /// tanh' = 1 - t², tanh'' = -2t(1 - t²), tanh''' = (6t² - 2)(1 - t²): exact also where
    /// tanh saturates (t = ±1 gives zeros, never 0/0).
    @inlinable public static func tanh(_ x: Jet) -> Jet {
        let t = Double.tanh(x.value)
        let s = 1 - t * t
        return x.composed(t, s, -2 * t * s, (6 * t * t - 2) * s)
    }

    /// σ' = σ(1 - σ), σ'' = σ'(1 - 2σ), σ''' = σ'(1 - 6σ + 6σ²).
    @inlinable public static func sigmoid(_ x: Jet) -> Jet {
        let p = Double.sigmoid(x.value)
        let q = Double.sigmoid(-x.value)  // 1 - σ without cancellation
        let s1 = p * q
        return x.composed(p, s1, s1 * (q - p), s1 * (1 - 6 * p * q))
    }

    /// softplus' = σ, softplus'' = σ', softplus''' = σ''.
    @inlinable public static func softplus(_ x: Jet) -> Jet {
        let p = Double.sigmoid(x.value)
        let q = Double.sigmoid(-x.value)
        let s1 = p * q
        return x.composed(Double.softplus(x.value), p, s1, s1 * (q - p))
    }

    /// logcosh' = tanh, logcosh'' = 1 - tanh², logcosh''' = -2 tanh (1 - tanh²).
    @inlinable public static func logCosh(_ x: Jet) -> Jet {
        let t = Double.tanh(x.value)
        let s = 1 - t * t
        return x.composed(Double.logCosh(x.value), t, s, -2 * t * s)
    }

    /// x^n: n x^(n-1), n(n-1) x^(n-2), n(n-1)(n-2) x^(n-3).
    @inlinable public static func pow(_ x: Jet, _ n: Int) -> Jet {
        let v = x.value
        let m = Double(n)
        // c · v^k, and exactly 0 when the falling-factorial coefficient c is 0 (no 0 · ∞).
        func term(_ c: Double, _ k: Int) -> Double { c == 0 ? 0 : c * Double.pow(v, k) }
        return x.composed(term(1, n), term(m, n - 1), term(m * (m - 1), n - 2), term(m * (m - 1) * (m - 2), n - 3))
    }

    /// sin' = cos, sin'' = -sin, sin''' = -cos.
    @inlinable public static func sin(_ x: Jet) -> Jet {
        let s = Foundation.sin(x.value), c = Foundation.cos(x.value)
        return x.composed(s, c, -s, -c)
    }

    /// cos' = -sin, cos'' = -cos, cos''' = sin.
    @inlinable public static func cos(_ x: Jet) -> Jet {
        let s = Foundation.sin(x.value), c = Foundation.cos(x.value)
        return x.composed(c, -s, -c, s)
    }
}
