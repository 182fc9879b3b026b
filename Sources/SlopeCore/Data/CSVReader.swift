import Foundation

/// Reads a numeric CSV table: a header row of names, then rows of decimal numbers.
///
/// Quoting follows RFC 4180. Blank lines are skipped. Every problem is a `SlopeError` that
/// names the file, the row (line number, header = 1) and the column.
public struct CSVReader: Sendable {
    /// The byte that separates cells.
    public let delimiter: UInt8

    /// - Parameter delimiter: a single ASCII character other than `"`, CR or LF.
    public init(delimiter: Character = ",") throws {
        guard let byte = delimiter.asciiValue, delimiter != "\"", delimiter != "\n", delimiter != "\r" else {
            throw SlopeError.invalidOption(name: "--delimiter", reason: "\"\(delimiter)\" is not a single ASCII character other than a quote or a line break")
        }
        self.delimiter = byte
    }

    /// Reads the file at `path`.
    /// - Complexity: O(size of the file).
    public func read(path: String) throws -> Table {
        try withContents(of: path) { try parse($0, source: path) }
    }

    /// Parses CSV bytes; `source` names them in errors.
    /// - Complexity: O(number of bytes).
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws -> Table {
        var columns: [[Double]] = [], header: [String] = []
        let names = try scan(bytes, source: source, start: { header = $0; columns = Array(repeating: [], count: $0.count) }) { row, c, cell in
            switch NumberParser.parse(cell) {
            case .number(let value):
                columns[c].append(value)
            case .empty:
                throw SlopeError.emptyCell(file: source, row: row, column: c + 1, name: header[c])
            case .notANumber:
                throw SlopeError.notANumber(file: source, row: row, column: c + 1, name: header[c], text: Self.text(cell))
            case .notFinite:
                throw SlopeError.notFinite(file: source, row: row, column: c + 1, name: header[c], text: Self.text(cell))
            }
        }
        return try Table(source: source, columnNames: names, columns: columns)
    }

    /// Reads the header, then hands every cell of every data row to `cell` with its row
    /// (line number) and column index; checks that each row has as many cells
    /// as the header and that there is at least one data row. Returns the column names.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, source: String, start: ([String]) -> Void,
              cell: (Int, Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws -> [String] {
        var scanner = CSVScanner(bytes: bytes, delimiter: delimiter, source: source)
        let names = try readHeader(&scanner, source: source)
        start(names)
        var rows = 0
        while !scanner.atEnd {
            let row = try scanner.nextRecord()
            if scanner.recordIsBlank { continue }
            guard scanner.cellCount == names.count else {
                throw SlopeError.raggedRow(file: source, row: row, expected: names.count, found: scanner.cellCount)
            }
            try scanner.cellBytes.withUnsafeBufferPointer { cells in
                for c in 0..<names.count {
                    try cell(row, c, UnsafeBufferPointer(rebasing: cells[scanner.cellRange(c)]))
                }
            }
            rows += 1
        }
        guard rows > 0 else { throw SlopeError.headerOnly(file: source) }
        return names
    }

    /// Reads the file at `path` into memory and hands its bytes to `body`.
    func withContents<T>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        try FileBytes.read(path).withUnsafeBytes { raw in try body(raw.bindMemory(to: UInt8.self)) }
    }

    private func readHeader(_ scanner: inout CSVScanner, source: String) throws -> [String] {
        while !scanner.atEnd {
            _ = try scanner.nextRecord()
            if scanner.recordIsBlank { continue }
            return (0..<scanner.cellCount).map { c in
                Self.text(scanner.cellBytes[scanner.cellRange(c)]).trimmingCharacters(in: .whitespaces)
            }
        }
        throw SlopeError.emptyFile(file: source)
    }

    static func text<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }
}
