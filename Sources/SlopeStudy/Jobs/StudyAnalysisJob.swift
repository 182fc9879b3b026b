import SlopeCore

/// Everything `slope study analyze` needs: where the trials are, which columns are what, and
/// the analysis settings.
public struct StudyAnalysisRequest: Sendable {
    /// A slope store, an Optuna SQLite storage or a CSV of trials (told apart by `TrialSource`).
    public let source: String
    /// The Optuna study to read, when the storage holds several.
    public let study: String?
    /// Objectives (`targets`), directions, type overrides and, for a CSV, ignored columns.
    public let columns: ColumnSelection
    /// The cell separator of a CSV.
    public let delimiter: Character
    /// The decimal separator of a CSV's numbers.
    public let decimal: Character
    /// Cell texts of a CSV that mark a missing value (besides NA, N/A, NaN, null, ?): an
    /// inactive hyperparameter, or no value for an objective.
    public let missing: MissingValues
    /// Goal fraction, permutations, resamples, pairs, missing values (checked when made).
    public let options: StudyAnalysisOptions
    /// Which trials of a slope study are read.
    public let selection: TrialSelection
    /// Opens a store that is not a file (a PostgreSQL URL).
    public let opener: StoreOpener

    /// - Throws: `SlopeError.invalidSetting` for settings out of range or a bad delimiter.
    public init(source: String, study: String? = nil, columns: ColumnSelection = ColumnSelection(),
                delimiter: Character = ",", decimal: Character = ".", missing: MissingValues = MissingValues(),
                options: StudyAnalysisOptions = StudyAnalysisOptions(), selection: TrialSelection = .fromPrior,
                opener: StoreOpener = .files) throws(SlopeError) {
        try SlopeError.catching {
            try options.validate()
            _ = try CSVReader(delimiter: delimiter, decimal: decimal)
        }
        self.source = source
        self.study = study
        self.columns = columns
        self.delimiter = delimiter
        self.decimal = decimal
        self.missing = missing
        self.options = options
        self.selection = selection
        self.opener = opener
    }
}

/// What `slope study analyze` computes.
public struct StudyAnalysisResult: Sendable {
    /// What produced the result: the source, the selection, the settings (seed).
    public let request: StudyAnalysisRequest
    /// The trials as analysed (typed hyperparameters, objectives with directions).
    public let trials: TrialTable
    /// Per objective: HSIC of every hyperparameter, Spearman baselines; trade-offs.
    public let analysis: StudyAnalysis
    /// The learning curves of the trials read, per objective analysed (a study whose trials
    /// report steps).
    public let curves: [LearningCurve]
}

/// `slope study analyze` as a library call.
public enum StudyAnalysisJob {
    /// Reads the trials and ranks the hyperparameters of every objective.
    /// - Throws: `SlopeError` naming the file for anything unreadable; `.cancelled` when stopped.
    /// - Complexity: see `StudyAnalysis.run`.
    public static func run(_ request: StudyAnalysisRequest, context: JobContext = JobContext()) async throws(SlopeError) -> StudyAnalysisResult {
        try await context.perform { context in try await analyse(request, context) }
    }

    private static func analyse(_ request: StudyAnalysisRequest, _ context: JobContext) async throws -> StudyAnalysisResult {
        let (trials, provenance, curves) = try await TrialSource.table(path: request.source, study: request.study, columns: request.columns,
                                                   reader: CSVReader(delimiter: request.delimiter, decimal: request.decimal),
                                                   missing: request.missing, selection: request.selection, opener: request.opener)
        try context.checkStopped()
        var analysis = try StudyAnalysis.run(trials, options: request.options,
                                             progress: context.counter(.hsic, total: StudyAnalysis.workUnits(trials, request.options)))
        try context.checkStopped()
        analysis.provenance = provenance
        return StudyAnalysisResult(request: request, trials: trials, analysis: analysis, curves: curves)
    }
}
