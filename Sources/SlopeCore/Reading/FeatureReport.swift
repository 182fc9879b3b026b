/// Everything slope says about one feature: its trend over restarts, the baselines against
/// the raw target, whether the two agree, and how |d1| and |d3| decay.
public struct FeatureReport: Sendable, Encodable {
    public let name: String
    /// 1 for the feature with the highest mean ρ.
    public internal(set) var rank: Int
    public let trend: Consensus
    /// Spearman ρ of the raw feature against the raw target, with its p-value.
    public let spearman: CorrelationTest?
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

    init(name: String, trend: Consensus, spearman: CorrelationTest?, pearson: CorrelationTest?,
         hsic: HSICIndex, d1Decay: DecaySummary, d3Decay: DecaySummary) {
        self.name = name
        self.rank = 0
        self.trend = trend
        self.spearman = spearman
        self.pearson = pearson
        self.hsic = hsic
        self.agrees = Agreement.agrees(trend.label, spearman: spearman?.coefficient)
        self.d1Decay = d1Decay
        self.d3Decay = d3Decay
    }

    enum CodingKeys: String, CodingKey { case name, rank, trend, spearman, pearson, hsic, agrees, decay }
    enum TestKeys: String, CodingKey { case rho, r, p }
    enum HSICKeys: String, CodingKey { case hsic, r2HSIC = "r2_hsic", p }
    enum DecayKeys: String, CodingKey { case d1, d3 }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(rank, forKey: .rank)
        try c.encode(trend, forKey: .trend)
        var s = c.nestedContainer(keyedBy: TestKeys.self, forKey: .spearman)
        try s.encode(spearman?.coefficient, forKey: .rho)
        try s.encode(spearman?.p, forKey: .p)
        var p = c.nestedContainer(keyedBy: TestKeys.self, forKey: .pearson)
        try p.encode(pearson?.coefficient, forKey: .r)
        try p.encode(pearson?.p, forKey: .p)
        var h = c.nestedContainer(keyedBy: HSICKeys.self, forKey: .hsic)
        try h.encode(hsic.hsic, forKey: .hsic)
        try h.encode(hsic.r2HSIC, forKey: .r2HSIC)
        try h.encode(hsic.pGamma, forKey: .p)
        try c.encode(agrees, forKey: .agrees)
        var d = c.nestedContainer(keyedBy: DecayKeys.self, forKey: .decay)
        try d.encode(d1Decay, forKey: .d1)
        try d.encode(d3Decay, forKey: .d3)
    }
}
