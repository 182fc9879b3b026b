import ArgumentParser
import SlopeCore

/// How the lean network is trained: shared by `analyze`, `surface` and `mask`.
struct TrainingArguments: ParsableArguments {
    @Option(help: "Activation: \(Activation.allCases.map(\.rawValue).joined(separator: ", ")).")
    var activation: Activation = .tanh
    @Option(help: "Loss: mse, logcosh or huber.")
    var loss: LossName = .mse
    @Option(name: .customLong("huber-delta"), help: "The Huber loss's delta.")
    var huberDelta: Double = 1.0
    @Option(help: "Learning rate.")
    var lr: Double = 0.01
    @Option(help: "Epochs per restart.")
    var epochs: Int = 1000
    @Option(help: "Number of retrainings (seeds seed, seed+1, ...).")
    var restarts: Int = 10
    @Option(help: "The first seed.")
    var seed: UInt64 = 0
    @Option(name: .customLong("batch-size"), help: "Rows per mini-batch (default: full batch).")
    var batchSize: Int?
    @Option(name: .customLong("init"), help: "JSON file {\"weights\": [...], \"bias\": b} of starting parameters.")
    var initFile: String?

    /// The training options, with every check that needs no data done (so that a bad option
    /// stops the command before a large table is read).
    func options() throws -> TrainingOptions {
        var training = TrainingOptions()
        training.learningRate = lr
        training.epochs = epochs
        training.restarts = restarts
        training.seed = seed
        training.batchSize = batchSize
        training.activation = activation
        training.loss = loss.loss(delta: huberDelta)
        training.initial = try initFile.map(InitialParameters.read(path:))
        try training.validate()
        return training
    }

    /// Trains with a progress line unless `quiet`.
    func train(_ design: Design, _ training: TrainingOptions, quiet: Bool) throws -> [History] {
        let progress = Terminal.progress("training", total: training.restarts * training.epochs, quiet: quiet)
        return try Trainer.train(design, options: training, progress: progress)
    }
}

/// The plane of a loss surface: shared by `analyze --report` and `surface`.
struct SurfaceArguments: ParsableArguments {
    @Option(help: "Grid points per axis of the loss surface.")
    var grid: Int = 41
    @Option(help: "The surface covers alpha, beta in [-span, span] (units of |theta*|).")
    var span: Double = 1.0
    @Option(help: "Plane of the surface: random (seeded Gaussian directions) or pca (of the first restart's path).")
    var directions: DirectionsName = .random
    @Option(help: "Two features whose weight axes span the plane (overrides --directions).")
    var axes: NameList?

    func checked() throws -> SurfaceArguments {
        guard grid >= 3 && grid <= 401 else { throw SlopeError.invalidOption(name: "--grid", reason: "must be between 3 and 401") }
        guard span > 0 && span.isFinite else { throw SlopeError.invalidOption(name: "--span", reason: "must be a positive number") }
        if let axes, axes.names.count != 2 || Set(axes.names).count != 2 {
            throw SlopeError.invalidOption(name: "--axes", reason: "give two different feature names, e.g. --axes alcohol,hue")
        }
        return self
    }

    /// The directions for `design`, with a label for captions.
    func plane(_ design: Design, seed: UInt64) throws -> (PlaneDirections, String) {
        if let names = axes?.names {
            let index = try names.map { name in
                guard let i = design.featureNames.firstIndex(of: name) else {
                    throw SlopeError.invalidOption(name: "--axes", reason: "\"\(name)\" is not a feature (features: \(design.featureNames.joined(separator: ", ")))")
                }
                return i
            }
            return (.axes(index[0], index[1]), "δ, η = the weight axes of \(names[0]) and \(names[1]), scaled to ‖θ*‖")
        }
        switch directions {
        case .random: return (.random(seed: seed), "δ, η = Gaussian directions (seed \(seed)) scaled to ‖θ*‖")
        case .pca: return (.pca, "δ, η = the first two principal directions of restart 0's path, scaled to ‖θ*‖")
        }
    }

    func surface(_ design: Design, _ training: TrainingOptions, _ histories: [History], plane: PlaneDirections) -> LossSurface {
        let loss = NetworkLoss(design: design, activation: training.activation, loss: training.loss)
        return LossSurface(loss: loss, histories: histories, directions: plane, grid: grid, span: span)
    }
}

enum DirectionsName: String, CaseIterable, ExpressibleByArgument {
    case random, pca
}
