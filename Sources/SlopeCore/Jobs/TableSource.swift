/// A CSV table to read and the columns to take from it.
public struct TableSource: Sendable, Equatable {
    /// The file's path (named in every message about it).
    public var path: String
    /// The cell separator: one ASCII character other than a quote or a line break.
    public var delimiter: Character
    public var columns: ColumnSelection

    /// - Throws: `SlopeError.invalidSetting(.delimiter, …)` for a delimiter that cannot separate cells.
    public init(path: String, delimiter: Character = ",", columns: ColumnSelection = ColumnSelection()) throws {
        _ = try CSVReader(delimiter: delimiter)
        self.path = path
        self.delimiter = delimiter
        self.columns = columns
    }

    /// A reader for the delimiter (checked when the source was made).
    func reader() throws -> CSVReader { try CSVReader(delimiter: delimiter) }
}
