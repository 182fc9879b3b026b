/// A numeric table: named columns of `Double`, all of the same length.
///
/// Column-major so that per-column work (scaling, ranks, correlations) reads contiguous memory.
public struct Table: Sendable, Equatable {
    /// Where the table came from, used in error messages (a path, or a label).
    public let source: String
    /// Column names in file order.
    public let columnNames: [String]
    /// `columns[j][k]` is row `k` of column `j`.
    public let columns: [[Double]]

    /// Number of data rows.
    public var rowCount: Int { columns.first?.count ?? 0 }

    /// Builds a table, rejecting duplicate column names.
    /// - Precondition: every column has the same length and there is one name per column.
    public init(source: String, columnNames: [String], columns: [[Double]]) throws {
        precondition(columnNames.count == columns.count, "one name per column")
        precondition(Set(columns.map(\.count)).count <= 1, "columns of equal length")
        var seen: [String: Int] = [:]
        for (j, name) in columnNames.enumerated() {
            if let first = seen[name] {
                throw SlopeError.duplicateColumn(file: source, name: name, first: first + 1, second: j + 1)
            }
            seen[name] = j
        }
        self.source = source
        self.columnNames = columnNames
        self.columns = columns
    }

    /// The index of the column called `name`, or a `missingColumn` error.
    public func index(of name: String) throws -> Int {
        guard let j = columnNames.firstIndex(of: name) else {
            throw SlopeError.missingColumn(file: source, name: name, available: columnNames)
        }
        return j
    }
}
