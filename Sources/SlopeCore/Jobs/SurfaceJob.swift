/// Everything `slope surface` needs: a table, scaling, training and the plane.
public struct SurfaceRequest: Sendable {
    /// The table and its columns.
    public let table: TableSource
    /// The features' scaling; the target goes into the activation's range.
    public let featureScaling: FeatureScaling
    public let training: TrainingOptions
    /// The plane and the grid.
    public let surface: SurfaceOptions

    /// - Throws: `SlopeError.invalidSetting` for a training setting out of range.
    public init(table: TableSource, featureScaling: FeatureScaling = .minMax,
                training: TrainingOptions = TrainingOptions(), surface: SurfaceOptions) throws(SlopeError) {
        try training.validate()
        self.table = table
        self.featureScaling = featureScaling
        self.training = training
        self.surface = surface
    }
}

/// What `slope surface` computes.
public struct SurfaceResult: Sendable {
    /// What produced the result: the table, the training (seed) and the plane.
    public let request: SurfaceRequest
    /// The scaled training data.
    public let design: Design
    /// One history per restart (their paths are projected on the plane).
    public let histories: [History]
    public let surface: LossSurface
}

/// `slope surface` as a library call: trains, then evaluates the loss on the plane.
public enum SurfaceJob {
    /// - Throws: `SlopeError` for bad input, axes that are not features, or a diverged training.
    /// - Complexity: O(file size + restarts · epochs · N · n + grid² · N · n).
    public static func run(_ request: SurfaceRequest, context: JobContext = JobContext()) throws(SlopeError) -> SurfaceResult {
        try context.perform { context in
            let design = try LeanTraining.design(request.table, featureScaling: request.featureScaling,
                                                 training: request.training, context: context)
            let directions = try request.surface.directions(design, seed: request.training.seed)
            let histories = try LeanTraining.histories(design, request.training, null: nil, context: context).restarts
            let surface = request.surface.surface(design, request.training, histories, directions: directions)
            return SurfaceResult(request: request, design: design, histories: histories, surface: surface)
        }
    }
}
