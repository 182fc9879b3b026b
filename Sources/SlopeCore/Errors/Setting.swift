/// A setting of one of slope's jobs, named in errors when its value is out of range.
///
/// The libraries never name a command-line flag: they name the setting, and a front end (the
/// `slope` command maps each to its flag) renders it in its own terms through
/// `SlopeError.message(naming:)`.
public enum Setting: String, Sendable, CaseIterable {
    // The lean network and its training.
    case learningRate, epochs, restarts, batchSize, huberDelta, initialParameters
    // The reading and the loss surface.
    case flat, nullTrainings, grid, span, axes
    // Tables and images.
    case delimiter, decimal, missingValues, missingToken, categorical, digits, subset, top
    // HSIC.
    case estimator, sampleSize, permutations, bootstrap, confidence, bandwidth
    case goal, conditionalGoal, smoothness, alpha, memoryLimit
    // Study analysis.
    case objectives, study, store, stage, maximize, ignore
    // slope's own multilayer trainer.
    case validationShare, task, target, width, depth, activation, optimizer, momentum, weightDecay
    // Running studies.
    case jobs, heartbeat, lease, gpus
    // Serving a study's dashboard.
    case host, port, token, refresh

    /// Plain words for the setting, as a library user reads it.
    public var label: String {
        switch self {
        case .learningRate: return "learning rate"
        case .batchSize: return "batch size"
        case .huberDelta: return "Huber delta"
        case .initialParameters: return "initial parameters"
        case .flat: return "flat threshold"
        case .nullTrainings: return "null trainings"
        case .decimal: return "decimal separator"
        case .missingValues: return "missing values"
        case .missingToken: return "missing-value token"
        case .categorical: return "categorical columns"
        case .grid: return "grid size"
        case .axes: return "surface axes"
        case .sampleSize: return "sample size"
        case .memoryLimit: return "memory limit"
        case .goal: return "goal fraction"
        case .conditionalGoal: return "conditional goal fraction"
        case .study: return "the study's name"
        case .store: return "store"
        case .maximize: return "objectives to maximise"
        case .ignore: return "ignored columns"
        case .validationShare: return "validation share"
        case .weightDecay: return "weight decay"
        case .jobs: return "parallel jobs"
        case .host: return "address to listen on"
        case .refresh: return "refresh interval"
        default: return rawValue
        }
    }
}
