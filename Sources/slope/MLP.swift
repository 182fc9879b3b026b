import ArgumentParser
import Foundation
import SlopeCore

extension MLPOptions.Optimizer: ExpressibleByArgument {}

/// `slope mlp`: trains a small fully connected network and prints one JSON object of metrics
/// as its last stdout line: the trainer a study spec names with `trainer: mlp`.
struct MLP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlp",
        abstract: "Train a fully connected network; the last stdout line is its metrics as JSON.",
        discussion: """
            Reads IDX images (--images, --labels) or a CSV table (--csv, --target). Prints one log \
            line per epoch, then {"error": …, "accuracy": …, "val_loss": …, "train_loss": …, "epochs": …}: \
            error is the validation error after the last epoch (misclassified share for classes, \
            mean squared error in the target's units for values).
            """)

    @Option(help: "IDX image file (idx3), with --labels.") var images: String?
    @Option(help: "IDX label file (idx1), with --images.") var labels: String?
    @Option(help: "CSV table, with --target.") var csv: String?
    @Option(help: "The CSV target column (default: the last column).") var target: String?
    @Option(help: "classify, regress, or auto (classify images, and CSV targets with at most 20 whole-number values).")
    var task: Task = .auto
    @Option(help: "Share of the rows held out for validation.") var validation = 0.2
    @Option(name: .customLong("split-seed"), help: "Seeds the training/validation split (the same for every trial).")
    var splitSeed: UInt64 = 0

    @Option(help: "Step size.") var lr = MLPOptions().lr
    @Option(help: "Units per hidden layer.") var width = MLPOptions().width
    @Option(help: "Hidden layers (0: linear).") var depth = MLPOptions().depth
    @Option(help: "tanh, relu, sigmoid or gelu.") var activation = MLPOptions().activation
    @Option(help: "sgd, momentum or adam.") var optimizer = MLPOptions().optimizer
    @Option(help: "Momentum coefficient (momentum optimiser).") var momentum = MLPOptions().momentum
    @Option(name: [.customLong("batch_size"), .customLong("batch-size")], help: "Rows per mini-batch.")
    var batchSize = MLPOptions().batchSize
    @Option(name: [.customLong("weight_decay"), .customLong("weight-decay")], help: "L2 penalty on the weights.")
    var weightDecay = MLPOptions().weightDecay
    @Option(help: "Passes over the training rows.") var epochs = MLPOptions().epochs
    @Option(help: "Seeds the initial weights and the batch order.") var seed: UInt64 = 0
    @Flag(help: "Print only the metrics line.") var quiet = false

    enum Task: String, ExpressibleByArgument { case auto, classify, regress }

    func run() throws {
        var options = MLPOptions()
        options.lr = lr; options.width = width; options.depth = depth; options.activation = activation
        options.optimizer = optimizer; options.momentum = momentum; options.batchSize = batchSize
        options.weightDecay = weightDecay; options.epochs = epochs; options.seed = seed
        try options.validate()
        let data = try load()
        let history = try MLPTrainer.train(data, options: options) { e in
            guard !quiet else { return }
            print("epoch \(e.epoch)/\(epochs) train_loss=\(fixed(e.trainLoss)) val_loss=\(fixed(e.validationLoss)) val_error=\(fixed(e.validationError))")
        }
        let last = history.last!
        var metrics = [("error", "\(last.validationError)")]
        if data.outputs > 1 { metrics.append(("accuracy", "\(1 - last.validationError)")) }
        metrics += [("val_loss", "\(last.validationLoss)"), ("train_loss", "\(last.trainLoss)"),
                    ("epochs", "\(history.count)")]
        print("{" + metrics.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
    }

    private func fixed(_ x: Double) -> String { String(format: "%.5f", x) }

    /// The rows and targets from IDX files or a CSV table.
    private func load() throws -> MLPData {
        switch (images, labels, csv) {
        case let (images?, labels?, nil):
            let set = try ImageSet.read(images: images, labels: labels)
            return try MLPData(rows: set.pixels, features: set.pixelCount, targets: set.labels.map(Double.init),
                               classify: task != .regress, validationShare: validation, splitSeed: splitSeed)
        case let (nil, nil, csv?):
            let table = try CSVReader().read(path: csv)
            let t = try target.map(table.index(of:)) ?? table.columnNames.count - 1
            let features = table.columns.indices.filter { $0 != t }
            guard !features.isEmpty else { throw SlopeError.noFeatures(file: csv) }
            let n = table.rowCount
            let rows = (0..<n).flatMap { r in features.map { table.columns[$0][r] } }
            let y = table.columns[t]
            let classify = task == .classify
                || (task == .auto && y.allSatisfy { $0 == $0.rounded() } && Set(y).count <= 20)
            return try MLPData(rows: rows, features: features.count, targets: y, classify: classify,
                               validationShare: validation, splitSeed: splitSeed)
        default:
            throw SlopeError.invalidOption(name: "--images", reason: "give --images and --labels, or --csv")
        }
    }
}
