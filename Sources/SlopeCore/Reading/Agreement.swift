/// Whether the consensus trend of each feature has the sign of its Spearman ρ against the
/// target (docs/method.md, "The reading"). A measured result, not a target.
public struct Agreement: Sendable, Equatable {
    /// Features whose consensus sign equals the Spearman sign.
    public let count: Int
    /// Number of features.
    public let of: Int
    /// Names of the features that disagree, in ranked order.
    public let disagreeing: [String]
    /// For each restart, how many features agree when read from that restart alone.
    public let perRestart: [Int]
    /// The baseline: how many would agree if every feature carried the label most features
    /// carry (`majorityLabel`). An agreement no higher says nothing about single features.
    public let expectedByMajority: Int
    /// The consensus label most features carry (increasing on a tie with decreasing).
    public let majorityLabel: TrendLabel
    /// The mean number of features a null training's labels (the target shuffled) would make
    /// agree with the Spearman signs; nil without null trainings.
    public let expectedUnderNull: Double?

    /// True when `label`'s sign equals the sign of `rho` (a flat label agrees only with ρ = 0).
    public static func agrees(_ label: TrendLabel, spearman rho: Double?) -> Bool {
        guard let rho else { return false }
        return label.sign == (rho > 0 ? 1 : rho < 0 ? -1 : 0)
    }

    /// - Parameters:
    ///   - features: the per-feature reports, in ranked order.
    ///   - nullLabels: per null training, the label of each feature in the design's order.
    ///   - spearman: Spearman's ρ of each feature in the design's order.
    public init(features: [FeatureReport], nullLabels: [[TrendLabel]] = [], spearman: [Double?] = []) {
        let restarts = features.first?.trend.labels.count ?? 0
        count = features.filter(\.agrees).count
        of = features.count
        disagreeing = features.filter { !$0.agrees }.map(\.name)
        perRestart = (0..<restarts).map { r in
            features.filter { Self.agrees($0.trend.labels[r], spearman: $0.spearman?.coefficient) }.count
        }
        let counts = TrendLabel.allCases.map { label in (label, features.filter { $0.trend.label == label }.count) }
        let majority = counts.max { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 != .increasing }?.0 ?? .increasing
        majorityLabel = majority
        expectedByMajority = features.filter { Self.agrees(majority, spearman: $0.spearman?.coefficient) }.count
        expectedUnderNull = nullLabels.isEmpty ? nil : nullLabels.reduce(0.0) { total, labels in
            total + Double(zip(labels, spearman).filter { Self.agrees($0, spearman: $1) }.count)
        } / Double(nullLabels.count)
    }
}
