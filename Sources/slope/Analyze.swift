import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput

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
    @Option(help: "Series the trend reads: paper (d2 itself) or relative (slope's extension: each feature's share of curvature, d2_j / sum_k d2_k).")
    var reading: TrendSeries = .paper
    @Option(parsing: .unconditional, help: "|rho| below this is a flat trend.")
    var flat: Double = 0.1
    @Option(name: .customLong("null"), parsing: .unconditional,
            help: "Trainings on the target shuffled that give each trend a permutation p-value (0: none).")
    var nullTrainings: Int = 20

    @Option(help: "Write the full result as JSON (- for standard output).")
    var json: String?
    @Option(name: .customLong("history-csv"), help: "Write the history in long form as CSV (- for standard output).")
    var historyCSV: String?
    @Option(help: "Write a self-contained HTML report with the figures.")
    var report: String?
    @Flag(name: .customLong("no-history"), help: "Leave the history out of the JSON.")
    var noHistory = false
    @Flag(help: "No progress line.")
    var quiet = false

    func run() throws {
        let surface = try surfaceArguments.options()
        let request = try AnalysisRequest(
            table: source.source(inputs: designArguments.features?.names), featureScaling: designArguments.scale,
            training: trainingArguments.options(), reading: ReadingOptions(
                convention: convention, series: reading, flat: flat, nullTrainings: nullTrainings),
            includeHistory: !noHistory, surface: report == nil ? nil : surface)
        for path in [json, historyCSV, report] { try OutputFiles.checkWritable(path) }
        try OutputFiles.checkOneStandardOutput([json, historyCSV, report])

        let result = try AnalysisJob.run(request, context: JobContext(progress: Terminal.progress(quiet: quiet)))
        Terminal.clearStatus(quiet: quiet)
        Terminal.warnConstant(result.design.constantFeatures, in: source.file)
        for warning in result.analysis.health.warnings { Terminal.warning("training: \(warning.message)") }

        var outputs = OutputFiles()
        outputs.add(json) { try AnalysisJSONStream.write(result.analysis, to: $0) }
        outputs.add(historyCSV) { try HistoryCSV.write(result.histories, to: $0) }
        if let report, let surface = result.surface, let plane = result.request.surface {
            outputs.add(report, Data(AnalysisReport.render(
                result.analysis, histories: result.histories, surface: surface,
                directions: PlaneCaption.text(plane.plane, seed: result.request.training.seed)).utf8))
        }
        try outputs.write()
        if !outputs.usesStandardOutput { Terminal.show(AnalysisTable.render(result.analysis)) }
    }
}
