/// The complete result of `slope analyze`: what was read, how it was trained, what the
/// histories say, and (optionally) the histories themselves. Its JSON form is documented in
/// docs/analysis-json.md; key names are stable.
public struct Analysis: Sendable {
    public struct Dataset: Sendable {
        public let file: String
        public let rows: Int
        public let target: String
        public let features: [String]
        public let constantFeatures: [String]
        /// The rows the HSIC baseline was measured on (at most `HSICBaseline.maximumRows`).
        public let hsicRows: Int
    }

    public struct Settings: Sendable {
        public let activation: Activation
        public let loss: String
        public private(set) var huberDelta: Double?
        public let learningRate: Double
        public let epochs: Int
        public let restarts: Int
        public let seeds: [UInt64]
        public private(set) var batchSize: Int?
        public let featureScaling: FeatureScaling
        public let explicitInit: Bool
        public let convention: Convention
        public let flat: Double
    }

    public let dataset: Dataset
    public let settings: Settings
    public let features: [FeatureReport]
    public let agreement: Agreement
    /// The recorded histories, one per restart; `nil` leaves them out of the JSON.
    public let history: [History]?

    /// - Throws: what `Reading` throws.
    public init(design: Design, source: String, training: TrainingOptions, featureScaling: FeatureScaling,
                reading options: ReadingOptions, histories: [History], includeHistory: Bool) throws {
        let reading = try Reading(design: design, histories: histories, options: options)
        var huberDelta: Double? = nil
        if case .huber(let delta) = training.loss { huberDelta = delta }
        dataset = Dataset(file: source, rows: design.rowCount, target: design.targetName,
                          features: design.featureNames, constantFeatures: design.constantFeatures,
                          hsicRows: min(design.rowCount, HSICBaseline.maximumRows))
        settings = Settings(activation: training.activation, loss: training.loss.name, huberDelta: huberDelta,
                            learningRate: training.learningRate, epochs: training.epochs,
                            restarts: training.restarts, seeds: histories.map(\.seed),
                            batchSize: training.batchSize, featureScaling: featureScaling,
                            explicitInit: training.initial != nil, convention: options.convention, flat: options.flat)
        features = reading.features
        agreement = reading.agreement
        history = includeHistory ? histories : nil
    }
}
