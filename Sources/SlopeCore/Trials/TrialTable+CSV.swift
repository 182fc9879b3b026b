/// Which columns of a CSV of trials are objectives, which are left out, and how to read the
/// hyperparameters.
public struct TrialColumns: Sendable {
    /// Objective columns, in order (at least one).
    public var objectives: [String]
    /// Objectives where larger is better (the others are minimised).
    public var maximize: [String] = []
    /// Columns that are neither objective nor hyperparameter. `id` and `state` (the
    /// bookkeeping columns of `slope study export`) are always left out.
    public var ignore: [String] = []
    /// Numeric hyperparameters read on a log scale.
    public var log: [String] = []
    /// Numeric hyperparameters read as unordered levels (text columns are levels anyway).
    public var categorical: [String] = []

    public init(objectives: [String]) { self.objectives = objectives }

    /// Columns never taken as hyperparameters.
    public static let bookkeeping = ["id", "state"]
}

extension TrialTable {
    /// The trials of a CSV: every column that is not an objective and not left out is a
    /// hyperparameter (an empty cell: inactive on that trial); an objective cell is a number,
    /// or empty where the trial has no value.
    /// - Throws: `SlopeError` for an unknown column, no hyperparameter left, or a cell of an
    ///   objective that is not a number (naming file, row and column).
    public init(table: MixedTable, columns: TrialColumns) throws {
        for name in columns.objectives + columns.maximize + columns.ignore + columns.log + columns.categorical {
            _ = try table.column(name)
        }
        guard !columns.objectives.isEmpty else {
            throw SlopeError.invalidOption(name: "--objective", reason: "name the objective columns of a CSV of trials (available: \(table.columns.map(\.name).joined(separator: ", ")))")
        }
        let objectives = try columns.objectives.map { name -> TrialObjective in
            let column = try table.column(name)
            if let (row, text) = column.firstText {
                throw SlopeError.notANumber(file: table.source, row: row, column: column.position, name: name, text: text)
            }
            return TrialObjective(name: name, direction: columns.maximize.contains(name) ? .maximize : .minimize,
                                  values: column.numbers)
        }
        let left = Set(columns.objectives + columns.ignore + TrialColumns.bookkeeping)
        let parameters = try table.columns.filter { !left.contains($0.name) }.map { column in
            try HSICSample.input(column, table, log: columns.log.contains(column.name),
                                 categorical: columns.categorical.contains(column.name))
        }
        guard !parameters.isEmpty else { throw SlopeError.noFeatures(file: table.source) }
        let ids = table.columns.first { $0.name == "id" }
        self.init(source: table.source, parameters: parameters, objectives: objectives,
                  labels: table.rowNumbers.indices.map { ids?.texts[$0] ?? "\($0 + 1)" })
    }
}
