/// A CSV table to read and the columns to take from it.
public struct TableSource: Sendable, Equatable {
    /// The file's path (named in every message about it).
    public let path: String
    /// The cell separator: one ASCII character other than a quote or a line break.
    public let delimiter: Character
    /// The decimal separator of numbers: `.` or `,`.
    public let decimal: Character
    /// The cell texts that mark a missing value (besides the usual NA, N/A, NaN, null, ?).
    public let missing: MissingValues
    public let columns: ColumnSelection

    /// - Throws: `SlopeError.invalidSetting(.delimiter or .decimal, …)` for separators that
    ///   cannot read a table.
    public init(path: String, delimiter: Character = ",", decimal: Character = ".", missing: MissingValues = MissingValues(),
                columns: ColumnSelection = ColumnSelection()) throws(SlopeError) {
        _ = try CSVReader(delimiter: delimiter, decimal: decimal)
        self.path = path
        self.delimiter = delimiter
        self.decimal = decimal
        self.missing = missing
        self.columns = columns
    }

    /// A reader for the separators (checked when the source was made).
    func reader() throws -> CSVReader { try CSVReader(delimiter: delimiter, decimal: decimal) }
}
