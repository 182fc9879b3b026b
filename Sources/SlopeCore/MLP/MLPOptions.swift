/// The hyperparameters of `MLPTrainer`, with the defaults of `slope mlp`.
public struct MLPOptions: Sendable, Equatable {
    public enum Optimizer: String, CaseIterable, Sendable { case sgd, momentum, adam }

    /// Step size.
    public var lr = 0.001
    /// Units in each hidden layer.
    public var width = 64
    /// Hidden layers (0: a linear model).
    public var depth = 1
    /// Hidden-layer activation: tanh, relu, sigmoid or gelu.
    public var activation = Activation.relu
    public var optimizer = Optimizer.adam
    /// Momentum coefficient μ of the momentum optimiser (v ← μ v + g).
    public var momentum = 0.9
    /// Rows per mini-batch.
    public var batchSize = 32
    /// L2 penalty λ: the gradient of every weight (not bias) gains λ w.
    public var weightDecay = 0.0
    /// Passes over the training rows.
    public var epochs = 20
    /// Seeds the initial weights and the batch order.
    public var seed: UInt64 = 0

    public init() {}

    /// The names a study spec may sample (`trainer: mlp`), as `slope mlp` spells its options.
    public static let hyperparameterNames = ["lr", "width", "depth", "activation", "optimizer", "momentum",
                                             "batch_size", "weight_decay", "epochs"]

    /// The activations the trainer accepts.
    public static let activations: [Activation] = [.tanh, .relu, .sigmoid, .gelu]

    /// Sets the hyperparameter `name` (as `hyperparameterNames` spells it) from its text, as
    /// a trial's `--name=value` argument gives it.
    /// - Throws: `SlopeError.invalidSetting` for a text of the wrong kind or an unknown name.
    public mutating func set(_ name: String, text: String) throws(SlopeError) {
        func number<T: LosslessStringConvertible>(_ setting: Setting, _ kind: String) throws(SlopeError) -> T {
            guard let value = T(text) else { throw .invalidSetting(setting, reason: "\(Shown.quoted(text)) is not \(kind)") }
            return value
        }
        switch name {
        case "lr": lr = try number(.learningRate, "a number")
        case "width": width = try number(.width, "a whole number")
        case "depth": depth = try number(.depth, "a whole number")
        case "momentum": momentum = try number(.momentum, "a number")
        case "batch_size": batchSize = try number(.batchSize, "a whole number")
        case "weight_decay": weightDecay = try number(.weightDecay, "a number")
        case "epochs": epochs = try number(.epochs, "a whole number")
        case "activation":
            guard let a = Activation(rawValue: text), Self.activations.contains(a) else {
                throw .invalidSetting(.activation, reason: "\(Shown.quoted(text)) is not one of \(Self.activations.map(\.rawValue).joined(separator: ", "))")
            }
            activation = a
        case "optimizer":
            guard let o = Optimizer(rawValue: text) else {
                throw .invalidSetting(.optimizer, reason: "\(Shown.quoted(text)) is not one of \(Optimizer.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            optimizer = o
        default:
            throw .invalidSetting(.task, reason: "the trainer has no hyperparameter \(Shown.quoted(name))")
        }
    }

    /// Fails on a value outside its domain, naming the option.
    public func validate() throws(SlopeError) {
        func check(_ ok: Bool, _ setting: Setting, _ reason: String) throws(SlopeError) {
            if !ok { throw .invalidSetting(setting, reason: reason) }
        }
        try check(lr > 0 && lr.isFinite, .learningRate, "must be a positive number")
        try check(width >= 1, .width, "must be at least 1")
        try check(depth >= 0, .depth, "must be 0 or more")
        try check(Self.activations.contains(activation), .activation,
                  "must be one of \(Self.activations.map(\.rawValue).joined(separator: ", "))")
        try check(momentum >= 0 && momentum < 1, .momentum, "must be in [0, 1)")
        try check(batchSize >= 1, .batchSize, "must be at least 1")
        try check(weightDecay >= 0 && weightDecay.isFinite, .weightDecay, "must be 0 or more")
        try check(epochs >= 1, .epochs, "must be at least 1")
    }
}
