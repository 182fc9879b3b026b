/// Everything `slope analyze` needs: the table, the scaling, the training, the reading and,
/// when a report wants it, the loss surface. Settings that need no data are checked when the
/// request is made, so a bad one costs no read of a large table.
public struct AnalysisRequest: Sendable {
    /// The table and its columns.
    public let table: TableSource
    /// The features' scaling; the target goes into the activation's range.
    public let featureScaling: FeatureScaling
    /// How the lean network is trained (checked when the request is made).
    public let training: TrainingOptions
    /// How the histories are read.
    public let reading: ReadingOptions
    /// Keep the histories in the result's `Analysis` (its JSON form).
    public let includeHistory: Bool
    /// Also compute the loss surface with these settings.
    public let surface: SurfaceOptions?

    /// - Throws: `SlopeError.invalidSetting` for a training setting out of range.
    public init(table: TableSource, featureScaling: FeatureScaling = .minMax, training: TrainingOptions = TrainingOptions(),
                reading: ReadingOptions, includeHistory: Bool = true, surface: SurfaceOptions? = nil) throws(SlopeError) {
        try training.validate()
        self.table = table
        self.featureScaling = featureScaling
        self.training = training
        self.reading = reading
        self.includeHistory = includeHistory
        self.surface = surface
    }

}

/// What `slope analyze` computes.
public struct AnalysisResult: Sendable {
    /// What produced the result: the table, the training (seed), the reading and the plane.
    public let request: AnalysisRequest
    /// The scaled training data (its `constantFeatures` were left out).
    public let design: Design
    /// One history per restart.
    public let histories: [History]
    /// The reading, baselines and settings (the JSON and terminal table are rendered from it).
    public let analysis: Analysis
    /// The loss surface and its plane, when the request asked for one.
    public let surface: LossSurface?
}

/// `slope analyze` as a library call.
public enum AnalysisJob {
    /// Reads the table, trains the lean network `restarts` times recording the derivative
    /// history, reads the trends against the correlation and HSIC baselines and, when asked,
    /// computes the loss surface.
    /// - Throws: `SlopeError` for bad input (file, row, column), a setting that does not fit
    ///   the data, or a diverged training.
    /// - Complexity: O(file size + (restarts + null trainings / 2) · epochs · N · n), plus the
    ///   reading (see `Reading`).
    public static func run(_ request: AnalysisRequest, context: JobContext = JobContext()) throws(SlopeError) -> AnalysisResult {
        try context.perform { context in
            let design = try LeanTraining.design(request.table, featureScaling: request.featureScaling,
                                                 training: request.training, context: context)
            let directions = try request.surface?.directions(design, seed: request.training.seed)
            let trained = try LeanTraining.histories(design, request.training, null: request.reading.null, context: context)
            let histories = trained.restarts
            context.progress?.started(.baselines)
            let analysis = Analysis(design: design, source: request.table.path, training: request.training,
                                    featureScaling: request.featureScaling, reading: request.reading,
                                    histories: histories, null: trained.null, includeHistory: request.includeHistory)
            try context.checkStopped()
            let surface = request.surface.flatMap { options in
                directions.map { options.surface(design, request.training, histories, directions: $0) }
            }
            return AnalysisResult(request: request, design: design, histories: histories, analysis: analysis, surface: surface)
        }
    }
}
