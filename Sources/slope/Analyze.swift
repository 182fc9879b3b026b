import ArgumentParser
import Foundation
import SlopeCore
import SlopeReport

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
    @OptionGroup var designArguments: DesignArguments

    @OptionGroup var trainingArguments: TrainingArguments
    @OptionGroup var surfaceArguments: SurfaceArguments

    @Option(help: "Second derivative to read: diag (exact Hessian diagonal) or tape (row sums).")
    var convention: Convention = .diag
    @Option(help: "|rho| below this is a flat trend.")
    var flat: Double = 0.1

    @Option(help: "Write the full result as JSON.")
    var json: String?
    @Option(name: .customLong("history-csv"), help: "Write the history in long form as CSV.")
    var historyCSV: String?
    @Option(help: "Write a self-contained HTML report with the figures.")
    var report: String?
    @Flag(name: .customLong("no-history"), help: "Leave the history out of the JSON.")
    var noHistory = false
    @Flag(help: "No progress line.")
    var quiet = false

    func run() throws {
        guard flat >= 0 && flat < 1 else { throw SlopeError.invalidOption(name: "--flat", reason: "must be in [0, 1)") }
        try OutputFiles.checkWritable(json)
        try OutputFiles.checkWritable(historyCSV)
        try OutputFiles.checkWritable(report)

        let training = try trainingArguments.options()
        let surfaceArguments = try surfaceArguments.checked()
        let design = try designArguments.design(source, activation: trainingArguments.activation, quiet: quiet)
        try training.validate(for: design)
        let plane = try report.map { _ in try surfaceArguments.plane(design, seed: training.seed) }
        let histories = try trainingArguments.train(design, training, quiet: quiet)
        Terminal.status("reading the histories; Spearman, Pearson and HSIC baselines ...", quiet: quiet)
        let analysis = Analysis(design: design, source: source.file, training: training, featureScaling: designArguments.scale,
                                convention: convention, flat: flat, histories: histories,
                                includeHistory: !noHistory)
        Terminal.clearStatus(quiet: quiet)

        var outputs = OutputFiles()
        try outputs.add(json, try JSONOutput.encode(analysis))
        outputs.add(historyCSV, Data(HistoryCSV.render(histories).utf8))
        if let report, let plane {
            let surface = surfaceArguments.surface(design, training, histories, plane: plane.0)
            outputs.add(report, Data(AnalysisReport.render(analysis, histories: histories, surface: surface, directions: plane.1).utf8))
        }
        try outputs.write()
        print(AnalysisTable.render(analysis), terminator: "")
    }
}
