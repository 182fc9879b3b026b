import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput

/// `slope hsic`: rank the inputs of a table by HSIC dependence with an output.
struct HSIC: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank the inputs of a table by HSIC with an output (global, target or conditional).",
        discussion: """
            Text columns are categorical inputs (Kronecker kernel); an empty input cell marks the \
            input inactive on that row, and the input is measured on its active rows only. \
            The permutation p-value is (1 + #{HSIC_b >= HSIC}) / (1 + B), so it is never 0; \
            its smallest value is 1 / (1 + B).
            """)

    @OptionGroup var source: TableArguments

    @Option(help: "Comma-separated input columns (default: all but the target).")
    var inputs: NameList?
    @Option(help: "Comma-separated numeric inputs to read on a log scale.")
    var log: NameList?
    @Option(help: "Comma-separated numeric inputs to read as unordered levels.")
    var categorical: NameList?

    @Option(help: "Estimator: U (unbiased) or V.")
    var estimator: HSICEstimator = .v
    @Option(help: "Kernel of real inputs: \(Kernel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kernel: Kernel = .gaussian
    @Option(help: "Length scale: std, median (of pairwise distances) or a number; the output uses std or median.")
    var bandwidth: Bandwidth = .std
    @Option(name: .customLong("level-kernel"), help: "Kernel of levels: dirac or weighted (1/share of the level).")
    var levelKernel: LevelKernel = .dirac
    @Flag(name: .customLong("unit-map"), help: "Map every input to [0, 1] and use one Gaussian kernel (Novello et al.).")
    var unitMap = false

    @Option(parsing: .unconditional, help: "Target HSIC on the best ALPHA fraction of the output (Z = 1{y <= q_alpha}).")
    var goal: Double?
    @Option(parsing: .unconditional, help: "Target HSIC on the goal set y <= T (y >= T with --maximize).")
    var threshold: Double?
    @Option(parsing: .unconditional, help: "Conditional HSIC given the best ALPHA fraction of the output.")
    var conditional: Double?
    @Flag(help: "Large outputs are good (the goal set is the top fraction).")
    var maximize = false
    @Option(parsing: .unconditional, help: "Smooth goal weight exp(-d(y) / (S sd(y))) instead of the indicator.")
    var smooth: Double?

    @Option(parsing: .unconditional, help: "Output permutations for the permutation p-value (0: none).")
    var permutations = 1000
    @Option(parsing: .unconditional, help: "Bootstrap resamples for percentile intervals (0: none).")
    var bootstrap = 0
    @Option(parsing: .unconditional, help: "Coverage of the bootstrap intervals.")
    var confidence = 0.95
    @Flag(help: "Also measure every pair of inputs jointly (product kernel).")
    var pairs = false
    @Option(help: "Adjust the p-values for the many inputs tested: bh (false discovery rate), holm (family-wise) or none.")
    var adjust: PValueAdjustment = .bh
        @Option(parsing: .unconditional, help: "Significance level of the summary line.")
    var alpha = 0.05
    @Option(help: "Rows with a missing value (NA, N/A, NaN, null, ?, --na, an empty output cell): fail or drop.")
    var missing: MissingPolicy = .fail
    @Option(parsing: .unconditionalSingleValue, help: "A cell text that marks a missing value, besides NA, N/A, NaN, null and ? (repeatable).")
    var na: [String] = []
    @Option(parsing: .unconditional, help: "The most memory (GB) the n × n matrices may take; a larger sample is refused with the size that fits.")
    var memory: Double = 4
    @Option(parsing: .unconditional, help: "Measure on N rows drawn at random (seeded) when the table has more.")
    var subsample: Int?
    @Option(parsing: .unconditional, help: "Seed of the permutations, resamples and subsample.")
    var seed: UInt64 = 0

    @Option(help: "Write the full result as JSON.")
    var json: String?
    @Option(help: "Write input,hsic,r2_hsic,p_gamma,p_permutation,p_adjusted as CSV.")
    var csv: String?
    @Option(name: .customLong("pairs-csv"), help: "Write the pairs as CSV (with --pairs).")
    var pairsCSV: String?
    @Flag(help: "No progress line.")
    var quiet = false

    func run() throws {
        if pairsCSV != nil && !pairs { throw ValidationError("--pairs-csv needs --pairs") }
        guard alpha > 0 && alpha < 1 else { throw SlopeError.invalidSetting(.alpha, reason: "must be in (0, 1)") }
        let table = try source.source(inputs: inputs?.names, missing: na, log: log?.names ?? [], categorical: categorical?.names ?? [])
        let request = try HSICRequest(table: table, sampleSize: subsample, missing: missing, options: hsicOptions(), adjust: adjust)
        for path in [json, csv, pairsCSV] { try OutputFiles.checkWritable(path) }
        try OutputFiles.checkOneStandardOutput([json, csv, pairsCSV])

        let result = try HSICJob.run(request, context: JobContext(progress: Terminal.progress(quiet: quiet)))
        let analysis = result.analysis
        if result.droppedRows > 0 {
            Terminal.warning("\(source.file): \(result.droppedRows) rows with a missing value left out")
        }
        if let rows = result.subsampledFrom {
            Terminal.warning("\(source.file): measuring on \(analysis.rows) of \(rows) rows (seeded subsample)")
        }
        var outputs = OutputFiles()
        try outputs.add(json, try JSONOutput.encode(analysis))
        outputs.add(csv, Data(HSICCSV.indices(analysis).utf8))
        outputs.add(pairsCSV, Data(HSICCSV.pairs(analysis).utf8))
        try outputs.write()
        if !outputs.usesStandardOutput { Terminal.show(HSICTable.render(analysis, alpha: alpha)) }
    }

    private func hsicOptions() throws -> HSICOptions {
        var options = HSICOptions()
        options.estimator = estimator
        options.kernels.kernel = kernel
        options.kernels.bandwidth = bandwidth
        options.kernels.weightedCategorical = levelKernel == .weighted
        options.kernels.unitMap = unitMap
        options.permutations = permutations
        options.bootstrap = bootstrap
        options.confidence = confidence
        options.pairs = pairs
        options.seed = seed
        // GB to bytes; a limit beyond any machine (1e300 GB) is the machine's own limit.
        options.memoryLimit = memory.isFinite && memory > 0 ? min(memory * 1e9, .greatestFiniteMagnitude) : memory
        let direction: Direction = maximize ? .maximize : .minimize
        func goal(_ boundary: Goal.Boundary) -> Goal { Goal(boundary: boundary, direction: direction, smoothness: smooth) }
        switch (self.goal, threshold, conditional) {
        case (nil, nil, nil):
            if maximize || smooth != nil {
                throw ValidationError("\(maximize ? "--maximize" : "--smooth") needs --goal, --threshold or --conditional")
            }
        case (let alpha?, nil, nil): options.measure = .target(goal(.quantile(alpha)))
        case (nil, let t?, nil): options.measure = .target(goal(.threshold(t)))
        case (nil, nil, let alpha?): options.measure = .conditional(goal(.quantile(alpha)))
        default:
            throw ValidationError("give one of --goal, --threshold and --conditional")
        }
        return options
    }
}
