import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput
import SlopeStudy
import SlopeStudyPostgres

/// `slope study analyze SOURCE`: which hyperparameters matter for each objective.
struct StudyAnalyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze", abstract: "Rank hyperparameters by goal-oriented HSIC for each objective.",
        discussion: """
            SOURCE is a slope study store, an Optuna storage (SQLite; --study picks the study) or a CSV \
            of trials (one column per hyperparameter or objective; --objective names the objectives, \
            an empty cell is an inactive hyperparameter or a missing value). For every objective, \
            every hyperparameter is measured against membership of the best --goal fraction of trials \
            (target HSIC, Novello et al. 2023) on the trials where it is active, with gamma and \
            permutation p-values, bootstrap intervals and Spearman's rho as a baseline.
            """)

    @Argument(help: "A slope store, an Optuna storage (.db/.sqlite) or a CSV of trials.")
    var source: String
    @Option(help: "The study to read, when an Optuna storage or a PostgreSQL database holds several.")
    var study: String?
    @Option(name: .customLong("objective"), help: "An objective to analyse (repeatable; default for a store: the spec's objectives, wall_time_s, peak_rss_bytes).")
    var objectives: [String] = []
    @Option(name: .customLong("maximize"), help: "An objective where larger is better (repeatable; the spec's directions hold for its own).")
    var maximize: [String] = []
    @Option(name: .customLong("ignore"), help: "A CSV column that is neither hyperparameter nor objective (repeatable).")
    var ignore: [String] = []
    @Option(name: .customLong("log"), help: "A numeric hyperparameter read on a log scale (repeatable).")
    var log: [String] = []
    @Option(name: .customLong("categorical"), help: "A numeric hyperparameter read as unordered levels (repeatable).")
    var categorical: [String] = []
    @Option(help: "The trials of a slope study to read: a stage's name, or all (default: the trials drawn from the prior, which HSIC's p-values assume).")
    var stage: String?
    @Option(parsing: .unconditional, help: "One goal level: this best fraction of the trials of each objective (default: the levels 0.1, 0.25 and 0.5 and the whole ranking, one p-value combining them).")
    var goal: Double?
    @Flag(help: "Also measure every pair of hyperparameters jointly (interactions).")
    var pairs = false
    @Option(parsing: .unconditional, help: "Permutations for the permutation p-values.")
    var permutations: Int = 1000
    @Option(parsing: .unconditional, help: "Bootstrap resamples for the intervals (0: none).")
    var bootstrap: Int = 100
    @Option(help: "Adjust each objective's p-values for its many tests: bh (false discovery rate), holm (family-wise) or none.")
    var adjust: PValueAdjustment = .bh
    @Option(parsing: .unconditional, help: "Significance level.")
    var alpha: Double = 0.05
    @Option(help: "A trial without a value for an objective: worst (counts as the worst value) or drop.")
    var missing: MissingObjective = .worst
    @Option(parsing: .unconditional, help: "Seeds permutations and resamples.")
    var seed: UInt64 = 0
    @Option(help: "The cell separator of a CSV: one character, or comma, semicolon, tab.")
    var delimiter: Delimiter = Delimiter(argument: ",")!
    @Option(help: "The decimal separator of a CSV's numbers: . or ,.")
    var decimal: DecimalSeparator = DecimalSeparator(argument: ".")!
    @Option(parsing: .unconditionalSingleValue, help: "A CSV cell text that marks an inactive hyperparameter or an objective without value, besides NA, N/A, NaN, null and ? (repeatable).")
    var na: [String] = []

    @Option(help: "Write objective,parameter,hsic,r2_hsic,p_gamma,p_permutation as CSV.")
    var csv: String?
    @Option(name: .customLong("pairs-csv"), help: "Write the pairs as CSV (with --pairs).")
    var pairsCSV: String?
    @Option(help: "Write the full result as JSON.")
    var json: String?
    @Option(help: "Write a self-contained HTML report.")
    var report: String?
    @Flag(help: "No progress line.")
    var quiet = false

    func run() async throws {
        if pairsCSV != nil && !pairs { throw ValidationError("--pairs-csv needs --pairs") }
        var options = StudyAnalysisOptions()
        if let goal { options.useGoal(goal) }
        options.pairs = pairs
        options.permutations = permutations
        options.bootstrap = bootstrap
        options.alpha = alpha
        options.missing = missing
        options.seed = seed
        options.adjust = adjust
        let columns = ColumnSelection(targets: objectives.isEmpty ? nil : objectives, ignored: ignore,
                                      log: log, categorical: categorical, maximize: maximize)
        let request = try StudyAnalysisRequest(source: source, study: study, columns: columns,
                                               delimiter: delimiter.character, decimal: decimal.character,
                                               missing: MissingValues(tokens: na), options: options,
                                               selection: stage.map { $0 == "all" ? .all : .stage($0) } ?? .fromPrior,
                                               opener: .withPostgres)
        for path in [csv, pairsCSV, json, report] { try OutputFiles.checkWritable(path) }
        try OutputFiles.checkOneStandardOutput([csv, pairsCSV, json, report])

        let result = try await StudyAnalysisJob.run(request, context: JobContext(progress: Terminal.progress(quiet: quiet)))
        let analysis = result.analysis
        var outputs = OutputFiles()
        try outputs.add(json, try JSONOutput.encode(analysis))
        outputs.add(csv, Data(StudyAnalysisCSV.indices(analysis).utf8))
        outputs.add(pairsCSV, Data(StudyAnalysisCSV.pairs(analysis).utf8))
        outputs.add(report, Data(StudyReport.render(analysis, trials: result.trials, curves: result.curves).utf8))
        try outputs.write()
        if !outputs.usesStandardOutput { Terminal.show(StudyAnalysisTable.render(analysis)) }
    }
}

extension MissingObjective: ExpressibleByArgument {}
