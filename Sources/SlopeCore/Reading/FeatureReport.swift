/// Everything slope says about one feature: its trend over restarts, the baselines against
/// the raw target, whether the two agree, and how |d1| and |d3| decay.
public struct FeatureReport: Sendable {
    public let name: String
    /// 1 for the feature with the highest mean ρ.
    public internal(set) var rank: Int
    public let trend: Consensus
    /// The trend's permutation null (nil without null trainings or an undefined mean ρ).
    public let null: FeatureNull?
    /// Spearman ρ of the raw feature against the raw target, with its p-value.
    public let spearman: CorrelationTest?
    /// The 95 % Fisher-z interval of that ρ (`Correlation.spearmanInterval`).
    public let spearmanInterval: Interval?
    /// Pearson r of the raw feature against the raw target, with its p-value.
    public let pearson: CorrelationTest?
    /// HSIC of the raw feature with the raw target (`HSICBaseline`).
    public let hsic: HSICIndex
    /// Dependent by HSIC (p ≤ 0.05) but not by Spearman (p > 0.05): a non-monotonic link.
    public var nonMonotonic: Bool {
        guard let h = hsic.pGamma, h <= 0.05 else { return false }
        return (spearman?.p ?? 1) > 0.05
    }
    /// `Agreement.agrees(trend.label, spearman:)`.
    public let agrees: Bool
    public let d1Decay: DecaySummary
    public let d3Decay: DecaySummary

    init(name: String, trend: Consensus, null: FeatureNull?, spearman: CorrelationTest?, rows: Int, pearson: CorrelationTest?,
         hsic: HSICIndex, d1Decay: DecaySummary, d3Decay: DecaySummary) {
        self.name = name
        self.rank = 0
        self.trend = trend
        self.null = null
        self.spearman = spearman
        self.spearmanInterval = spearman.flatMap { Correlation.spearmanInterval($0.coefficient, count: rows) }
        self.pearson = pearson
        self.hsic = hsic
        self.agrees = Agreement.agrees(trend.label, spearman: spearman?.coefficient)
        self.d1Decay = d1Decay
        self.d3Decay = d3Decay
    }
}
