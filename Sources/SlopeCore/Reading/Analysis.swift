/// The complete result of `slope analyze`: what was read, how it was trained, what the
/// histories say, and (optionally) the histories themselves. Its JSON form is documented in
/// docs/analysis-json.md; key names are stable.
public struct Analysis: Sendable {
    /// What was read.
    public struct Dataset: Sendable {
        /// The table's path.
        public let file: String
        /// Data rows N.
        public let rows: Int
        /// The target column's name.
        public let target: String
        /// The features kept, in the design's order.
        public let features: [String]
        /// Constant feature columns, reported and left out.
        public let constantFeatures: [String]
        /// The rows the HSIC baseline was measured on (at most `HSICBaseline.maximumRows`).
        public let hsicRows: Int
    }

    /// How the network was trained and read.
    public struct Settings: Sendable {
        public let activation: Activation
        /// The loss's name: mse, logcosh or huber.
        public let loss: String
        /// The Huber loss's δ (nil for the other losses).
        public private(set) var huberDelta: Double?
        /// Step size η.
        public let learningRate: Double
        /// Epochs per restart.
        public let epochs: Int
        public let restarts: Int
        /// The seed of each restart, in order.
        public let seeds: [UInt64]
        /// Rows per mini-batch; nil for full batch.
        public private(set) var batchSize: Int?
        public let featureScaling: FeatureScaling
        /// True when the restarts started from given parameters instead of Xavier draws.
        public let explicitInit: Bool
        /// Which second derivative the trend read.
        public let convention: Convention
        /// The paper's series or slope's relative one.
        public let series: TrendSeries
        /// Null trainings (the target shuffled) the trends were tested against; 0 for none.
        public let nullTrainings: Int
        /// |ρ| below this is a flat trend.
        public let flat: Double
    }

    public let dataset: Dataset
    public let settings: Settings
    /// One report per feature, ranked by mean ρ (highest first).
    public let features: [FeatureReport]
    /// How many features' consensus trend has the sign of their Spearman ρ.
    public let agreement: Agreement
    /// How much the features' d2 histories move together.
    public let commonMode: CommonMode
    /// Whether the trainings went as the reading assumes; its warnings say where the reading
    /// cannot be trusted.
    public let health: TrainingHealth
    /// How many features' trends are beyond chance (nil without null trainings).
    public var beyondChance: Int? {
        settings.nullTrainings > 0 ? features.filter { $0.null?.beyondChance == true }.count : nil
    }
    /// The recorded histories, one per restart; `nil` leaves them out of the JSON.
    public let history: [History]?

    /// Reads `histories` of a training on `design` with `options`, against the `null`
    /// trainings' histories when given (see `Reading`).
    public init(design: Design, source: String, training: TrainingOptions, featureScaling: FeatureScaling,
                reading options: ReadingOptions, histories: [History], null: [History] = [],
                includeHistory: Bool) {
        let reading = Reading(design: design, histories: histories, null: null, options: options)
        var huberDelta: Double? = nil
        if case .huber(let delta) = training.loss { huberDelta = delta }
        dataset = Dataset(file: source, rows: design.rowCount, target: design.targetName,
                          features: design.featureNames, constantFeatures: design.constantFeatures,
                          hsicRows: min(design.rowCount, HSICBaseline.maximumRows))
        settings = Settings(activation: training.activation, loss: training.loss.name, huberDelta: huberDelta,
                            learningRate: training.learningRate, epochs: training.epochs,
                            restarts: training.restarts, seeds: histories.map(\.seed),
                            batchSize: training.batchSize, featureScaling: featureScaling,
                            explicitInit: training.initial != nil, convention: options.convention,
                            series: options.series, nullTrainings: null.count, flat: options.flat)
        features = reading.features
        agreement = reading.agreement
        commonMode = reading.commonMode
        health = reading.health
        history = includeHistory ? histories : nil
    }
}
