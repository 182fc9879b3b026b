/// Everything `slope hsic` needs: the table and its columns, the rows to measure on and the
/// HSIC settings.
public struct HSICRequest: Sendable {
    /// The output is the first of `table.columns.targets` (nil: the last column).
    public let table: TableSource
    /// Measure on this many rows drawn at random (seeded by `options.seed`) when the table
    /// has more; nil: every row.
    public let sampleSize: Int?
    /// Rows with a missing value: refuse the table, or leave them out.
    public let missing: MissingPolicy
    /// Estimator, kernels, measure, permutations, resamples (checked when the request is made).
    public let options: HSICOptions
    /// How the inputs' p-values (one family) and the pairs' interaction p-values (another) are
    /// adjusted for their many tests before significance is read; the raw ones are kept.
    public let adjust: PValueAdjustment

    /// - Throws: `SlopeError.invalidSetting` for a sample size below 2 or HSIC settings out of range.
    public init(table: TableSource, sampleSize: Int? = nil, missing: MissingPolicy = .fail,
                options: HSICOptions = HSICOptions(), adjust: PValueAdjustment = .bh) throws(SlopeError) {
        try options.validate()
        if let sampleSize, sampleSize < 2 { throw SlopeError.invalidSetting(.sampleSize, reason: "must be at least 2") }
        self.table = table
        self.sampleSize = sampleSize
        self.missing = missing
        self.options = options
        self.adjust = adjust
    }
}

/// What `slope hsic` computes.
public struct HSICResult: Sendable {
    /// What produced the result: the table, the measure, the seed, the adjustment.
    public let request: HSICRequest
    /// One index per input (and per pair), with p-values.
    public let analysis: HSICAnalysis
    /// The table's rows, when the analysis was measured on a subsample of them.
    public let subsampledFrom: Int?
    /// Rows left out for a missing value (`MissingPolicy.drop`).
    public let droppedRows: Int
}

/// `slope hsic` as a library call (docs/method.md, "HSIC").
public enum HSICJob {
    /// - Throws: `SlopeError` for bad input (file, row, column) or settings that do not fit the sample.
    /// - Complexity: O(d · n²) per index plus O(n²) per permutation and resample (see `HSICAnalysis.run`).
    public static func run(_ request: HSICRequest, context: JobContext = JobContext()) throws(SlopeError) -> HSICResult {
        try context.perform { context in try measure(request, context) }
    }

    private static func measure(_ request: HSICRequest, _ context: JobContext) throws -> HSICResult {
        let table = try request.table.reader().readMixed(path: request.table.path, missing: request.table.missing)
        let made = try HSICSample.make(table: table, columns: request.table.columns, missing: request.missing)
        var sample = made.sample
        var subsampledFrom: Int?
        if let size = request.sampleSize, size < sample.output.count {
            subsampledFrom = sample.output.count
            sample = sample.subsample(size, seed: request.options.seed)
        }
        try context.checkStopped()
        let counter = context.counter(.hsic, total: HSICAnalysis.workUnits(sample, request.options))
        var analysis = try HSICAnalysis.run(sample, options: request.options, progress: counter)
        try context.checkStopped()
        analysis.adjust(by: request.adjust)
        return HSICResult(request: request, analysis: analysis, subsampledFrom: subsampledFrom, droppedRows: made.droppedRows)
    }
}
