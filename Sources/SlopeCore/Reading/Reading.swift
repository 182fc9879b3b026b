/// Reads trained histories as the paper does (docs/method.md, "The reading").
public struct Reading: Sendable {
    /// Per-feature reports, ranked by mean ρ (highest first; undefined last).
    public let features: [FeatureReport]
    public let agreement: Agreement
    /// How much the features' trends move together.
    public let commonMode: CommonMode
    /// Whether the trainings went as the reading assumes.
    public let health: TrainingHealth

    /// - Parameters:
    ///   - options: which second derivative and series the trend reads, and the flat threshold.
    ///   - null: the histories of null trainings (`Trainer.train(_:options:null:)`); empty
    ///     for no null.
    /// - Complexity: O((restarts + null) · n · epochs log epochs) plus O(n · N log N) for the
    ///   correlations and O(n · min(N, 2000)²) for HSIC.
    public init(design: Design, histories: [History], null: [History] = [], options: ReadingOptions) {
        let quantity = options.convention.quantity, flat = options.flat
        let hsic = HSICBaseline.indices(design)
        let targetRanks = Ranks.average(design.target)
        let rho = parallelMap(histories.count) { options.series.rho(histories[$0], quantity: quantity) }
        let nullRho = parallelMap(null.count) { options.series.rho(null[$0], quantity: quantity) }
        let trends = (0..<design.featureCount).map { i in Consensus(rho: rho.map { $0[i] }, flat: flat) }
        // Per null training, each feature's label.
        let nullLabels = nullRho.map { $0.map { Trend.label(rho: $0, flat: flat) } }
        let nulls = nullRho.isEmpty ? trends.map { _ in nil }
            : TrendNull.features(observed: trends.map(\.labels), null: nullLabels)
        let reports = parallelMap(design.featureCount) { i -> FeatureReport in
            let column = design.column(i)
            return FeatureReport(
                name: design.featureNames[i],
                trend: trends[i], null: nulls[i],
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
        agreement = Agreement(features: ranked, nullLabels: nullLabels,
                              spearman: reports.map { $0.spearman?.coefficient })
        commonMode = CommonMode(histories, quantity: quantity)
        health = TrainingHealth(histories)
    }
}
