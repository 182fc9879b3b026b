/// Reads trained histories as the paper does (docs/method.md, "The reading").
public struct Reading: Sendable {
    /// Per-feature reports, ranked by mean ρ (highest first; undefined last).
    public let features: [FeatureReport]
    public let agreement: Agreement
    /// How much the features' trends move together.
    public let commonMode: CommonMode
    /// Whether the trainings went as the reading assumes.
    public let health: TrainingHealth

    /// - Parameter options: which second derivative the trend reads, and the flat threshold.
    /// - Throws: what `HSICBaseline.indices` throws.
    /// - Complexity: O(restarts · n · epochs log epochs) plus O(n · N log N) for the
    ///   correlations and O(n · min(N, 2000)²) for HSIC.
    public init(design: Design, histories: [History], options: ReadingOptions) throws {
        let convention = options.convention, flat = options.flat
        let hsic = try HSICBaseline.indices(design)
        let targetRanks = Ranks.average(design.target)
        let reports = parallelMap(design.featureCount) { i -> FeatureReport in
            let column = design.column(i)
            let rho = histories.map {
                Trend.rho(secondDerivative: $0.series(convention.quantity, parameter: i), loss: $0.loss)
            }
            return FeatureReport(
                name: design.featureNames[i],
                trend: Consensus(rho: rho, flat: flat),
                // Spearman's ρ is Pearson's r of the ranks.
                spearman: Correlation.pearsonTest(Ranks.average(column), targetRanks),
                rows: design.rowCount,
                pearson: Correlation.pearsonTest(column, design.target),
                hsic: hsic[i],
                d1Decay: DecaySummary(histories.map { Decay(series: $0.series(.d1, parameter: i)) }),
                d3Decay: DecaySummary(histories.map { Decay(series: $0.series(.d3, parameter: i)) }))
        }
        var ranked = reports.enumerated().sorted { a, b in
            let x = a.element.trend.meanRho ?? -.infinity, y = b.element.trend.meanRho ?? -.infinity
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        for k in ranked.indices { ranked[k].rank = k + 1 }
        features = ranked
        agreement = Agreement(features: ranked)
        commonMode = CommonMode(histories, quantity: convention.quantity)
        health = TrainingHealth(histories)
    }
}
