/// A number type on which activations and losses are written once, generically.
///
/// `Double` evaluates the function; `Jet` evaluates it together with its first three
/// derivatives. Code written against this protocol must branch only on `primal`, so that a
/// piecewise function (ReLU, Huber) picks the same piece for both.
public protocol SmoothScalar: Sendable {
    /// A constant (all derivatives zero).
    init(_ constant: Double)
    /// The value, without derivatives.
    var primal: Double { get }

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static func + (lhs: Self, rhs: Double) -> Self
    static func - (lhs: Self, rhs: Double) -> Self
    static func * (lhs: Self, rhs: Double) -> Self
    static func * (lhs: Double, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self

    /// e^x.
    static func exp(_ x: Self) -> Self
    /// Natural logarithm, x > 0.
    static func log(_ x: Self) -> Self
    /// Square root, x > 0 for derivatives.
    static func sqrt(_ x: Self) -> Self
    /// Hyperbolic tangent.
    static func tanh(_ x: Self) -> Self
    /// Logistic sigmoid 1 / (1 + e^-x), evaluated without overflow.
    static func sigmoid(_ x: Self) -> Self
    /// softplus log(1 + e^x), evaluated without overflow.
    static func softplus(_ x: Self) -> Self
    /// log(cosh(x)), evaluated without overflow.
    static func logCosh(_ x: Self) -> Self
    /// x^n for an integer n.
    static func pow(_ x: Self, _ n: Int) -> Self
}
