/// The activation σ of the lean network y = σ(w·x + b).
///
/// Each case is written once, generically over `SmoothScalar`, so the same code gives the
/// value (on `Double`) and the exact first three derivatives (on `Jet`).
public enum Activation: String, CaseIterable, Codable, Sendable {
    case tanh, sigmoid, relu, softplus, swish
    /// GELU in its tanh form: 0.5 u (1 + tanh(√(2/π) (u + 0.044715 u³))).
    case gelu
    case identity

    /// σ(u).
    @inlinable
    public func callAsFunction<T: SmoothScalar>(_ u: T) -> T {
        switch self {
        case .tanh: return T.tanh(u)
        case .sigmoid: return T.sigmoid(u)
        case .relu: return u.primal > 0 ? u : T(0)
        case .softplus: return T.softplus(u)
        case .swish: return u * T.sigmoid(u)
        case .gelu:
            let inner = (u + 0.044715 * T.pow(u, 3)) * 0.7978845608028654  // √(2/π)
            return 0.5 * u * (T.tanh(inner) + 1)
        case .identity: return u
        }
    }

    /// Where the target is scaled before training (docs/method.md, "Preprocessing"): into the activation's
    /// range when it is bounded, otherwise to zero mean and unit variance.
    public var targetScaling: TargetScaling {
        switch self {
        case .tanh: return .range(-1, 1)
        case .sigmoid: return .range(0, 1)
        case .relu, .softplus, .swish, .gelu, .identity: return .zScore
        }
    }
}
