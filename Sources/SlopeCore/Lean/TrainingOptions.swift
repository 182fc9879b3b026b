import Foundation

/// Explicit starting parameters, in the order of the design's features after preprocessing.
public struct InitialParameters: Codable, Sendable, Equatable {
    public var weights: [Double]
    public var bias: Double

    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    /// Reads `{"weights": [...], "bias": b}` from a JSON file.
    public static func read(path: String) throws -> InitialParameters {
        let data = try FileBytes.read(path)
        do {
            return try JSONDecoder().decode(InitialParameters.self, from: data)
        } catch {
            throw SlopeError.invalidFile(file: path, reason: "expected {\"weights\": [numbers], \"bias\": number}")
        }
    }
}

/// How the lean network is trained (docs/method.md, "The lean network").
public struct TrainingOptions: Sendable {
    /// Step size η of gradient descent.
    public var learningRate: Double = 0.01
    /// Epochs per restart; one history entry each.
    public var epochs: Int = 1000
    /// Independent retrainings, seeded `seed`, `seed + 1`, ….
    public var restarts: Int = 10
    public var seed: UInt64 = 0
    /// Rows per mini-batch; `nil` for full-batch gradient descent.
    public var batchSize: Int?
    public var activation: Activation = .tanh
    public var loss: Loss = .mse
    /// Starting parameters for every restart instead of Xavier-normal draws.
    public var initial: InitialParameters?
    /// The most memory the trainings' histories may take, in bytes (never more than half the
    /// machine's): more is refused with the epochs or restarts that fit.
    public var memoryLimit = 4e9

    public init() {}

    /// Checks every value against its domain and against the design.
    public func validate(for design: Design) throws {
        try validate()
        if let initial {
            guard initial.weights.count == design.featureCount else {
                throw SlopeError.invalidSetting(.initialParameters, reason: "has \(initial.weights.count) weights for \(design.featureCount) features (\(design.featureNames.joined(separator: ", ")))")
            }
        }
    }

    /// Checks what does not depend on the data: a positive learning rate, at least 2 epochs,
    /// at least 1 restart and 1 row per batch, a positive Huber delta, finite initial parameters.
    public func validate() throws(SlopeError) {
        guard learningRate.isFinite && learningRate > 0 else {
            throw SlopeError.invalidSetting(.learningRate, reason: "must be a positive number")
        }
        guard epochs >= 2 else { throw SlopeError.invalidSetting(.epochs, reason: "must be at least 2") }
        guard restarts >= 1 else { throw SlopeError.invalidSetting(.restarts, reason: "must be at least 1") }
        guard memoryLimit > 0 && memoryLimit.isFinite else { throw SlopeError.invalidSetting(.memoryLimit, reason: "must be a positive number") }
        if let batchSize, batchSize < 1 {
            throw SlopeError.invalidSetting(.batchSize, reason: "must be at least 1")
        }
        if case .huber(let delta) = loss, !(delta > 0 && delta.isFinite) {
            throw SlopeError.invalidSetting(.huberDelta, reason: "must be a positive number")
        }
        if let initial {
            guard (initial.weights + [initial.bias]).allSatisfy(\.isFinite) else {
                throw SlopeError.invalidSetting(.initialParameters, reason: "weights and bias must be finite")
            }
        }
    }

    /// Refuses trainings whose histories (the restarts' and `nullTrainings` more) would not
    /// fit in `memoryLimit` (at most half the machine's) for `features` features, naming the
    /// epochs (or restarts) that fit, before anything is allocated.
    public func checkMemory(features: Int, nullTrainings: Int) throws {
        let limit = MemoryRule.allowed(memoryLimit)
        let trainings = restarts + nullTrainings
        let perTraining = History.bytes(epochs: epochs, parameters: features + 1)
        let need = Double(trainings) * perTraining
        guard need > limit else { return }
        let perEpoch = History.bytes(epochs: 1, parameters: features + 1)
        let epochsThatFit = Int(limit / (Double(trainings) * perEpoch))
        let gb = String(format: "%.3g GB of histories, more than the %.3g GB allowed", need / 1e9, limit / 1e9)
        let trainingsText = nullTrainings > 0 ? "\(restarts) restarts and \(nullTrainings) null trainings" : "\(restarts) restarts"
        if epochsThatFit >= 2 && restarts <= 100 {
            throw SlopeError.invalidSetting(.epochs, reason: "\(epochs) epochs of \(trainingsText) record about \(gb); at most \(epochsThatFit) epochs fit")
        }
        let restartsThatFit = max(0, Int(limit / perTraining) - nullTrainings)
        throw SlopeError.invalidSetting(.restarts, reason: "\(trainingsText) of \(epochs) epochs record about \(gb); at most \(restartsThatFit) restarts fit")
    }
}
