/// Adjusting a family of p-values for multiple tests (docs/method.md, "Study analysis").
public enum PValueAdjustment: String, Sendable, CaseIterable {
    /// Benjamini–Hochberg: controls the false discovery rate (SciPy's `false_discovery_control`).
    case bh
    /// Holm's step-down: controls the family-wise error rate.
    case holm
    /// The raw p-values.
    case none

    /// The adjusted p-values, in the order of `p` (each at most 1, never below its raw value).
    /// - Complexity: O(m log m).
    public func adjust(_ p: [Double]) -> [Double] {
        let m = p.count
        guard m > 1, self != .none else { return p }
        let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] < p[$1] : $0 < $1 }
        var adjusted = [Double](repeating: 1, count: m)
        switch self {
        case .bh:
            var running = 1.0
            for (k, i) in order.enumerated().reversed() {
                running = min(running, p[i] * Double(m) / Double(k + 1))
                adjusted[i] = max(p[i], min(1, running))  // the max only guards rounding
            }
        case .holm:
            var running = 0.0
            for (k, i) in order.enumerated() {
                running = max(running, min(1, Double(m - k) * p[i]))
                adjusted[i] = running
            }
        case .none:
            break
        }
        return adjusted
    }
}
