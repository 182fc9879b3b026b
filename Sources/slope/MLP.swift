import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput

extension MLPOptions.Optimizer: ExpressibleByArgument {}

/// `slope mlp`: trains a small fully connected network and prints one JSON object of metrics
/// as its last stdout line: the trainer a study spec names with `trainer: mlp`.
struct MLP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlp",
        abstract: "Train a fully connected network; the last stdout line is its metrics as JSON.",
        discussion: """
            Reads IDX images (--images, --labels) or a CSV table (--csv, --target). Prints a step \
            report per epoch, {"step": …, "error": …, "val_loss": …, "train_loss": …} (a study's pruner \
            and learning curves read them), then {"error": …, "accuracy": …, "val_loss": …, "train_loss": …, \
            "epochs": …}: error is the validation error after the epoch (misclassified share for classes, \
            mean squared error in the target's units for values).
            """)

    @Option(help: "IDX image file (idx3), with --labels.") var images: String?
    @Option(help: "IDX label file (idx1), with --images.") var labels: String?
    @Option(help: "CSV table, with --target.") var csv: String?
    @Option(help: "The CSV target column (default: the last column).") var target: String?
    @Option(help: "classify, regress, or auto (classify images, and CSV targets with at most 20 whole-number values).")
    var task: MLPRequest.Task = .auto
    @Option(parsing: .unconditional, help: "Share of the rows held out for validation.") var validation = 0.2
    @Option(name: .customLong("split-seed"), parsing: .unconditional, help: "Seeds the training/validation split (the same for every trial).")
    var splitSeed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Step size.") var lr = MLPOptions().lr
    @Option(parsing: .unconditional, help: "Units per hidden layer.") var width = MLPOptions().width
    @Option(parsing: .unconditional, help: "Hidden layers (0: linear).") var depth = MLPOptions().depth
    @Option(help: "Hidden-layer activation.") var activation = MLPActivation(MLPOptions().activation)
    @Option(help: "sgd, momentum or adam.") var optimizer = MLPOptions().optimizer
    @Option(parsing: .unconditional, help: "Momentum coefficient (momentum optimiser).") var momentum = MLPOptions().momentum
    @Option(name: [.customLong("batch_size"), .customLong("batch-size")], parsing: .unconditional, help: "Rows per mini-batch.")
    var batchSize = MLPOptions().batchSize
    @Option(name: [.customLong("weight_decay"), .customLong("weight-decay")], parsing: .unconditional, help: "L2 penalty on the weights.")
    var weightDecay = MLPOptions().weightDecay
    @Option(parsing: .unconditional, help: "Passes over the training rows.") var epochs = MLPOptions().epochs
    @Option(parsing: .unconditional, help: "Seeds the initial weights and the batch order.") var seed: UInt64 = 0
    @Flag(help: "Print only the metrics line.") var quiet = false

    func run() throws {
        var options = MLPOptions()
        options.lr = lr; options.width = width; options.depth = depth; options.activation = activation.activation
        options.optimizer = optimizer; options.momentum = momentum; options.batchSize = batchSize
        options.weightDecay = weightDecay; options.epochs = epochs; options.seed = seed
        let data: MLPRequest.Source
        switch (images, labels, csv) {
        case let (images?, labels?, nil): data = .images(images, labels: labels)
        case let (nil, nil, csv?): data = .csv(csv, target: target)
        default: throw ValidationError("give --images and --labels, or --csv")
        }
        let request = try MLPRequest(source: data, task: task, validationShare: validation, splitSeed: splitSeed, options: options)
        let result = try MLPJob.run(request) { e in
            guard !quiet else { return }
            print(MetricsLine.step(e))
            fflush(nil)  // a study reads the report as it comes, not when the buffer fills
        }
        print(MetricsLine.render(result.metrics))
    }
}

extension MLPRequest.Task: ExpressibleByArgument {}

/// An activation the multilayer trainer accepts (`MLPOptions.activations`), and only those.
struct MLPActivation: ExpressibleByArgument {
    let activation: Activation

    init(_ activation: Activation) { self.activation = activation }

    init?(argument: String) {
        guard let a = Activation(rawValue: argument), MLPOptions.activations.contains(a) else { return nil }
        activation = a
    }

    var defaultValueDescription: String { activation.rawValue }
    static var allValueStrings: [String] { MLPOptions.activations.map(\.rawValue) }
}
