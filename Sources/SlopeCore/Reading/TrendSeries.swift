/// Which series of each feature the trend reads against the falling loss (docs/method.md,
/// "The reading" and "The relative reading").
public enum TrendSeries: String, CaseIterable, Codable, Sendable {
    /// The paper's reading: the feature's second derivative d2_j itself.
    case paper
    /// slope's extension: the feature's share of curvature, d2_j / Σ_k d2_k over the features.
    /// It removes what all features share (the network's overall curvature changing), which
    /// dominates the paper's reading when the common mode is high.
    case relative

    /// Spearman's ρ of each feature's series against −L over the epochs of `history`, `nil`
    /// where undefined: a constant series, or (relative) a total curvature that is zero or
    /// changes sign at some epoch, where a share has no meaning.
    /// - Complexity: O(n · epochs log epochs).
    public func rho(_ history: History, quantity: Quantity) -> [Double?] {
        let n = history.parameterCount - 1
        let series = (0..<n).map { history.series(quantity, parameter: $0) }
        switch self {
        case .paper:
            return series.map { Trend.rho(secondDerivative: $0, loss: history.loss) }
        case .relative:
            let total = (0..<history.epochCount).map { e in series.reduce(0) { $0 + $1[e] } }
            let positive = total.allSatisfy { $0 > 0 }, negative = total.allSatisfy { $0 < 0 }
            guard positive || negative, total.allSatisfy(\.isFinite) else { return series.map { _ in nil } }
            return series.map { s in
                Trend.rho(secondDerivative: zip(s, total).map { $0 / $1 }, loss: history.loss)
            }
        }
    }
}
