import ArgumentParser
import SlopeCore
import SlopeOutput

/// How the lean network is trained: shared by `analyze`, `surface` and `mask`.
struct TrainingArguments: ParsableArguments {
    @Option(help: "Activation: \(Activation.allCases.map(\.rawValue).joined(separator: ", ")).")
    var activation: Activation = .tanh
    @Option(help: "Loss: mse, logcosh or huber.")
    var loss: LossName = .mse
    @Option(name: .customLong("huber-delta"), parsing: .unconditional, help: "The Huber loss's delta.")
    var huberDelta: Double = 1.0
    @Option(parsing: .unconditional, help: "Learning rate.")
    var lr: Double = 0.01
    @Option(parsing: .unconditional, help: "Epochs per restart.")
    var epochs: Int = 1000
    @Option(parsing: .unconditional, help: "Number of retrainings (seeds seed, seed+1, ...).")
    var restarts: Int = 10
    @Option(parsing: .unconditional, help: "The first seed.")
    var seed: UInt64 = 0
    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Rows per mini-batch (default: full batch).")
    var batchSize: Int?
    @Option(name: .customLong("init"), help: "JSON file {\"weights\": [...], \"bias\": b} of starting parameters.")
    var initFile: String?
    @Option(parsing: .unconditional, help: "The most memory (GB) the trainings' histories may take; more is refused with the epochs or restarts that fit.")
    var memory: Double = 4

    /// The training options (checked by the request they go into).
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
        training.memoryLimit = memory.isFinite && memory > 0 ? min(memory * 1e9, .greatestFiniteMagnitude) : memory
        return training
    }
}

/// The plane of a loss surface: shared by `analyze --report` and `surface`.
struct SurfaceArguments: ParsableArguments {
    @Option(parsing: .unconditional, help: "Grid points per axis of the loss surface.")
    var grid: Int = 41
    @Option(parsing: .unconditional, help: "The surface covers alpha, beta in [-span, span] (units of |theta*|).")
    var span: Double = 1.0
    @Option(help: "Plane of the surface: random (seeded Gaussian directions) or pca (of the first restart's path).")
    var directions: DirectionsName = .random
    @Option(help: "Two features whose weight axes span the plane (overrides --directions).")
    var axes: NameList?

    func options() throws -> SurfaceOptions {
        let plane: SurfaceOptions.Plane
        if let names = axes?.names {
            guard names.count == 2 else {
                throw SlopeError.invalidSetting(.axes, reason: "give two different feature names, e.g. --axes alcohol,hue")
            }
            plane = .axes(names[0], names[1])
        } else {
            plane = directions == .pca ? .pca : .random
        }
        return try SurfaceOptions(grid: grid, span: span, plane: plane)
    }
}

enum DirectionsName: String, CaseIterable, ExpressibleByArgument {
    case random, pca
}
