/// Everything `slope mlp` needs: the data, the task, the split and the hyperparameters.
public struct MLPRequest: Sendable {
    /// Where the rows come from.
    public enum Source: Sendable, Equatable {
        /// IDX images (idx3) and labels (idx1).
        case images(String, labels: String)
        /// A CSV table; the target column is the named one (nil: the last column).
        case csv(String, target: String?)
    }

    /// What the network predicts.
    public enum Task: String, Sendable, CaseIterable {
        /// Classify images, and CSV targets with at most 20 whole-number values; else regress.
        case auto
        case classify, regress
    }

    /// Where the rows come from.
    public let source: Source
    /// What the network predicts.
    public let task: Task
    /// The share of rows held out for validation, in (0, 1).
    public let validationShare: Double
    /// Seeds the training/validation split (the same for every trial of a study).
    public let splitSeed: UInt64
    /// The network's hyperparameters.
    public let options: MLPOptions

    /// - Throws: `SlopeError.invalidSetting` for a hyperparameter or validation share out of range.
    public init(source: Source, task: Task = .auto, validationShare: Double = 0.2, splitSeed: UInt64 = 0,
                options: MLPOptions = MLPOptions()) throws(SlopeError) {
        try options.validate()
        guard validationShare > 0 && validationShare < 1 else {
            throw SlopeError.invalidSetting(.validationShare, reason: "must be a share in (0, 1)")
        }
        self.source = source
        self.task = task
        self.validationShare = validationShare
        self.splitSeed = splitSeed
        self.options = options
    }
}

/// The metrics of a trained network that a study reads, after the last epoch.
public struct MLPMetrics: Sendable, Equatable {
    /// Validation error: misclassified share for classes, MSE in the target's units for values.
    public let error: Double
    /// 1 − error, for classes only.
    public let accuracy: Double?
    /// Validation loss (cross-entropy, or MSE of the standardised target).
    public let validationLoss: Double
    /// The last epoch's mean training loss.
    public let trainLoss: Double
    /// Epochs trained.
    public let epochs: Int
}

/// What `slope mlp` computes: every epoch, and the metrics a study reads.
public struct MLPResult: Sendable {
    /// What produced the result: the data, the split (seed), the network and its training.
    public let request: MLPRequest
    /// Every epoch's numbers, in order.
    public let epochs: [MLPTrainer.Epoch]
    /// After the last epoch.
    public let metrics: MLPMetrics
}

/// `slope mlp` as a library call.
public enum MLPJob {
    /// Loads and splits the data, trains, and reports every epoch to `epoch` as it ends; a
    /// raised `context.stop` ends the training after the epoch that sees it.
    /// - Throws: `SlopeError` for bad input or a diverged training; `.cancelled` when stopped.
    /// - Complexity: O(epochs · rows · Σ layer inputs × outputs).
    public static func run(_ request: MLPRequest, context: JobContext = JobContext(),
                           epoch: (MLPTrainer.Epoch) -> Void = { _ in }) throws(SlopeError) -> MLPResult {
        try context.perform { context in try train(request, context, epoch: epoch) }
    }

    private static func train(_ request: MLPRequest, _ context: JobContext, epoch: (MLPTrainer.Epoch) -> Void) throws -> MLPResult {
        let data = try load(request)
        let history = try MLPTrainer.train(data, options: request.options) { e in
            try context.checkStopped()
            epoch(e)
        }
        guard let last = history.last else { throw SlopeError.invalidSetting(.epochs, reason: "must be at least 1") }
        let metrics = MLPMetrics(error: last.validationError, accuracy: data.outputs > 1 ? 1 - last.validationError : nil,
                                 validationLoss: last.validationLoss, trainLoss: last.trainLoss, epochs: history.count)
        return MLPResult(request: request, epochs: history, metrics: metrics)
    }

    /// The rows and targets from IDX files or a CSV table.
    private static func load(_ request: MLPRequest) throws -> MLPData {
        switch request.source {
        case let .images(images, labels):
            let set = try ImageSet.read(images: images, labels: labels)
            return try MLPData(rows: set.pixels, features: set.pixelCount, targets: set.labels.map(Double.init),
                               classify: request.task != .regress, validationShare: request.validationShare,
                               splitSeed: request.splitSeed)
        case let .csv(path, target):
            let table = try CSVReader().read(path: path)
            let columns = ColumnSelection(target: target)
            try columns.check(against: table.columnNames, file: path)
            guard let targetName = columns.target(among: table.columnNames) else { throw SlopeError.emptyFile(file: path) }
            let t = try table.index(of: targetName)
            let features = try columns.inputs(among: table.columnNames, outputs: [targetName]).map(table.index(of:))
            guard !features.isEmpty else { throw SlopeError.noFeatures(file: path) }
            let rows = (0..<table.rowCount).flatMap { r in features.map { table.columns[$0][r] } }
            let y = table.columns[t]
            let classify = request.task == .classify
                || (request.task == .auto && y.allSatisfy { $0 == $0.rounded() } && Set(y).count <= 20)
            return try MLPData(rows: rows, features: features.count, targets: y, classify: classify,
                               validationShare: request.validationShare, splitSeed: request.splitSeed)
        }
    }
}
