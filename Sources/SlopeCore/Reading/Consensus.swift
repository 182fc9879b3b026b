/// What several restarts say together about one feature's trend.
public struct Consensus: Sendable {
    /// The label most restarts give; a tie between the most frequent labels is `flat`
    /// (no consensus).
    public let label: TrendLabel
    /// Share of restarts labelled `increasing`, in [0, 1].
    public let shareIncreasing: Double
    /// The mean sign of the labels (+1 increasing, −1 decreasing, 0 flat), in [−1, 1]: what
    /// the null tests (`TrendNull`).
    public var meanSign: Double { Double(labels.reduce(0) { $0 + $1.sign }) / Double(max(1, labels.count)) }
    /// Mean of the defined ρ, or `nil` when no restart gives one.
    public private(set) var meanRho: Double?
    /// Sample standard deviation of the defined ρ (`nil` below two values).
    public private(set) var sdRho: Double?
    /// ρ of each restart, `nil` where undefined.
    public let rho: [Double?]
    /// The label of each restart.
    public let labels: [TrendLabel]

    /// - Parameters: rho: one per restart; flat: the |ρ| threshold of `Trend.label`.
    public init(rho: [Double?], flat: Double) {
        self.rho = rho
        let labels = rho.map { Trend.label(rho: $0, flat: flat) }
        self.labels = labels
        let counts = TrendLabel.allCases.map { candidate in labels.filter { $0 == candidate }.count }
        let top = counts.max() ?? 0
        let winners = TrendLabel.allCases.indices.filter { counts[$0] == top }
        label = winners.count == 1 ? TrendLabel.allCases[winners[0]] : .flat
        shareIncreasing = Double(labels.filter { $0 == .increasing }.count) / Double(max(1, labels.count))
        let defined = rho.compactMap { $0 }
        meanRho = defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count)
        if let mean = meanRho, defined.count >= 2 {
            let ss = defined.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            sdRho = (ss / Double(defined.count - 1)).squareRoot()
        } else {
            sdRho = nil
        }
    }
}
