extension TrialTable {
    /// Columns of a table of trials never taken as hyperparameters (the bookkeeping columns
    /// of `slope study export`).
    public static let bookkeepingColumns = ["id", "state", "pareto", "placed_by", "stage"]

    /// The trials of a CSV: the objectives are `columns.targets` (at least one); every column
    /// that is not an objective, not ignored and not a bookkeeping column is a hyperparameter
    /// (an empty cell: inactive on that trial); an objective cell is a number, or empty where
    /// the trial has no value.
    /// - Throws: `SlopeError` for an unknown column, no hyperparameter left, or a cell of an
    ///   objective that is not a number (naming file, row and column).
    public init(table: MixedTable, columns: ColumnSelection) throws {
        try columns.check(against: table.columns.map(\.name), file: table.source)
        guard let wanted = columns.targets, !wanted.isEmpty else {
            throw SlopeError.invalidSetting(.objectives, reason: "name the objective columns of a CSV of trials (available: \(table.columns.map(\.name).joined(separator: ", ")))")
        }
        let objectives = try wanted.map { name -> TrialObjective in
            let column = try table.column(name)
            if let (row, text) = column.firstText {
                throw SlopeError.notANumber(file: table.source, row: row, column: column.position, name: name, text: text)
            }
            return TrialObjective(name: name, direction: columns.direction(of: name),
                                  values: column.numbers)
        }
        let names = columns.inputs(among: table.columns.map(\.name), outputs: wanted + Self.bookkeepingColumns)
        let parameters = try names.map { try table.column($0) }.map { column in
            try HSICSample.input(column, table, log: columns.log.contains(column.name),
                                 categorical: columns.categorical.contains(column.name))
        }
        guard !parameters.isEmpty else { throw SlopeError.noFeatures(file: table.source) }
        let ids = table.columns.first { $0.name == "id" }
        self.init(source: table.source, parameters: parameters, objectives: objectives,
                  labels: table.rowNumbers.indices.map { ids?.texts[$0] ?? "\($0 + 1)" })
    }
}
