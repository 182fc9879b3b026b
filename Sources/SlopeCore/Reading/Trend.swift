/// The direction of the second derivative as the loss falls.
public enum TrendLabel: String, Codable, Sendable, CaseIterable {
    case increasing, decreasing, flat

    /// +1, -1 or 0.
    public var sign: Int {
        switch self {
        case .increasing: return 1
        case .decreasing: return -1
        case .flat: return 0
        }
    }
}

/// Which second-derivative series the trend reads (docs/method.md, "Derivatives, two conventions").
public enum Convention: String, CaseIterable, Codable, Sendable {
    /// ∂²L/∂w_i², the exact Hessian diagonal (`d2`).
    case diag
    /// Σ_j ∂²L/∂w_i∂w_j, what nested reverse mode returns (`d2_tape`).
    case tape

    /// The recorded quantity this convention reads.
    public var quantity: Quantity { self == .diag ? .d2 : .d2Tape }
}

/// The paper's reading of one second-derivative history (docs/method.md, "The reading").
public enum Trend {
    /// Spearman's ρ between the series d2(e) and −L(e) over epochs e; `nil` when either is
    /// constant (e.g. d2 of an identity network under MSE).
    public static func rho(secondDerivative d2: [Double], loss: [Double]) -> Double? {
        Correlation.spearman(d2, loss.map { -$0 })
    }

    /// `flat` when |ρ| < `flat` (or ρ undefined), else the sign of ρ.
    public static func label(rho: Double?, flat: Double) -> TrendLabel {
        guard let rho, abs(rho) >= flat else { return .flat }
        return rho > 0 ? .increasing : .decreasing
    }
}
