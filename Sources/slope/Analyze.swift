import ArgumentParser
import Foundation
import SlopeCore

/// `slope analyze`: train the lean network many times, record the derivative history and
/// read which features drive the fit.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank the features of a table by the trend of the loss's second derivative.",
        discussion: """
            Trains y = act(w·x + b) by gradient descent --restarts times, records the loss and the \
            first, second and third derivatives of the loss for every weight at every epoch, and \
            reads the Spearman trend of the second derivative as the loss falls, next to Spearman \
            and Pearson correlations of each raw feature with the target.
            """)

    @OptionGroup var source: TableArguments
    @Option(help: "Comma-separated feature columns to use (default: all but the target).")
    var features: NameList?
    @Option(help: "Feature scaling: minmax, zscore or none.")
    var scale: FeatureScaling = .minMax

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

    @Option(help: "Second derivative to read: diag (exact Hessian diagonal) or tape (row sums).")
    var convention: Convention = .diag
    @Option(help: "|rho| below this is a flat trend.")
    var flat: Double = 0.1

    @Option(help: "Write the full result as JSON.")
    var json: String?
    @Option(name: .customLong("history-csv"), help: "Write the history in long form as CSV.")
    var historyCSV: String?
    @Flag(name: .customLong("no-history"), help: "Leave the history out of the JSON.")
    var noHistory = false
    @Flag(help: "No progress line.")
    var quiet = false

    func run() throws {
        guard flat >= 0 && flat < 1 else { throw SlopeError.invalidOption(name: "--flat", reason: "must be in [0, 1)") }
        try OutputFiles.checkWritable(json)
        try OutputFiles.checkWritable(historyCSV)

        let table = try source.reader().read(path: source.file)
        let design = try Design(table: table, options: DesignOptions(
            target: source.target, features: features?.names, drop: source.drop?.names ?? [],
            featureScaling: scale, targetScaling: activation.targetScaling))
        for name in design.constantFeatures {
            Terminal.warning("\(source.file): column \"\(name)\" is constant and is left out")
        }

        var training = TrainingOptions()
        training.learningRate = lr
        training.epochs = epochs
        training.restarts = restarts
        training.seed = seed
        training.batchSize = batchSize
        training.activation = activation
        training.loss = loss.loss(delta: huberDelta)
        training.initial = try initFile.map(InitialParameters.read(path:))
        try training.validate(for: design)

        let progress = Terminal.progress("training", total: restarts * epochs, quiet: quiet)
        let histories = try Trainer.train(design, options: training, progress: progress)
        let analysis = Analysis(design: design, source: source.file, training: training, featureScaling: scale,
                                convention: convention, flat: flat, histories: histories,
                                includeHistory: !noHistory)

        var outputs = OutputFiles()
        try outputs.add(json, try JSONOutput.encode(analysis))
        outputs.add(historyCSV, Data(HistoryCSV.render(histories).utf8))
        try outputs.write()
        print(AnalysisTable.render(analysis), terminator: "")
    }
}
