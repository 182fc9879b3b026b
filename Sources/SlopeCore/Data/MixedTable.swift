/// A table whose cells may be numbers, text labels, missing or empty: a table of trials, where
/// a hyperparameter may be categorical and a conditional one is empty where it is inactive.
public struct MixedTable: Sendable {
    /// One column, kept both as numbers and as text.
    public struct Column: Sendable {
        /// The header name.
        public let name: String
        /// The column's position, from 1.
        public let position: Int
        /// The cells as numbers; nil where empty, missing or not a number.
        public let numbers: [Double?]
        /// The cells as text (trimmed); nil where empty or missing.
        public let texts: [String?]
        /// The first cell that is not empty, not missing and not a number, with its row.
        public let firstText: (row: Int, text: String)?
        /// The cells (indices into the rows) that mark a missing value (`MissingValues`).
        public let missing: [Int]
        /// The first missing cell's text.
        public let firstMissingText: String?

        /// Whether some cell is a number.
        public var hasNumbers: Bool { numbers.contains { $0 != nil } }
    }

    /// Where the table came from.
    public let source: String
    public let columns: [Column]
    /// The line number of every data row (header = 1), for messages.
    public let rowNumbers: [Int]

    /// The column called `name`, or a `missingColumn` error.
    public func column(_ name: String) throws -> Column {
        guard let column = columns.first(where: { $0.name == name }) else {
            throw SlopeError.missingColumn(file: source, name: name, available: columns.map(\.name))
        }
        return column
    }
}

extension CSVReader {
    /// Reads a CSV table whose cells may be numbers, text, missing (`missing`'s tokens) or empty.
    /// A non-finite number ("inf") is an error, not a label; "NaN" marks a missing value.
    /// - Complexity: O(size of the file).
    public func readMixed(path: String, missing: MissingValues = MissingValues()) throws -> MixedTable {
        do {
            var numbers: [[Double?]] = [], texts: [[String?]] = []
            var firstText: [(row: Int, text: String)?] = [], missingCells: [[Int]] = [], firstMissing: [String?] = []
            var rowNumbers: [Int] = [], header: [String] = []
            let names = try scan(path: path, start: { names in
                header = names
                numbers = Array(repeating: [], count: names.count)
                texts = numbers.map { _ in [] }
                firstText = Array(repeating: nil, count: names.count)
                missingCells = Array(repeating: [], count: names.count)
                firstMissing = Array(repeating: nil, count: names.count)
            }) { row, c, cell in
                if c == 0 { rowNumbers.append(row) }
                let outcome = NumberParser.parse(cell, decimalComma: decimalComma)
                let text = Self.text(cell).trimmingCharacters(in: CSVReader.blanks)
                // The usual tokens are never numbers; a user's token may be one (-999).
                let unparsed = outcome == .notANumber || outcome == .notFinite
                if unparsed ? missing.isMissing(text) : missing.tokens.contains(text) {
                    missingCells[c].append(rowNumbers.count - 1)
                    if firstMissing[c] == nil { firstMissing[c] = text }
                    numbers[c].append(nil)
                    texts[c].append(nil)
                    return
                }
                switch outcome {
                case .number(let value):
                    numbers[c].append(value)
                case .empty:
                    numbers[c].append(nil)
                case .notANumber:
                    numbers[c].append(nil)
                    if firstText[c] == nil { firstText[c] = (row, text) }
                case .notFinite:
                    throw SlopeError.notFinite(file: path, row: row, column: c + 1, name: header[c], text: text)
                }
                texts[c].append(text.isEmpty ? nil : text)
            }
            try checkUnique(names, source: path)
            return MixedTable(source: path, columns: names.indices.map { c in
                MixedTable.Column(name: names[c], position: c + 1, numbers: numbers[c], texts: texts[c], firstText: firstText[c],
                                  missing: missingCells[c], firstMissingText: firstMissing[c])
            }, rowNumbers: rowNumbers)
        }
    }

    private func checkUnique(_ names: [String], source: String) throws {
        _ = try Table(source: source, columnNames: names, columns: names.map { _ in [] })
    }
}
