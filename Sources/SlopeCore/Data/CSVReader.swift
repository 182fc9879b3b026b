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
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file"
            throw SlopeError.unreadable(file: path, reason: reason)
        }
        return try data.withUnsafeBytes { raw in
            try parse(raw.bindMemory(to: UInt8.self), source: path)
        }
    }

    /// Parses CSV bytes; `source` names them in errors.
    /// - Complexity: O(number of bytes).
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws -> Table {
        var scanner = CSVScanner(bytes: bytes, delimiter: delimiter, source: source)
        let names = try readHeader(&scanner, source: source)
        var columns = [[Double]](repeating: [], count: names.count)
        while !scanner.atEnd {
            let row = try scanner.nextRecord()
            if scanner.recordIsBlank { continue }
            guard scanner.cellCount == names.count else {
                throw SlopeError.raggedRow(file: source, row: row, expected: names.count, found: scanner.cellCount)
            }
            try scanner.cellBytes.withUnsafeBufferPointer { cells in
                for c in 0..<names.count {
                    let range = scanner.cellRange(c)
                    let cell = UnsafeBufferPointer(rebasing: cells[range])
                    switch NumberParser.parse(cell) {
                    case .number(let value):
                        columns[c].append(value)
                    case .empty:
                        throw SlopeError.emptyCell(file: source, row: row, column: c + 1, name: names[c])
                    case .notANumber:
                        throw SlopeError.notANumber(file: source, row: row, column: c + 1, name: names[c], text: Self.text(cell))
                    case .notFinite:
                        throw SlopeError.notFinite(file: source, row: row, column: c + 1, name: names[c], text: Self.text(cell))
                    }
                }
            }
        }
        guard columns.first?.isEmpty == false else { throw SlopeError.headerOnly(file: source) }
        return try Table(source: source, columnNames: names, columns: columns)
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

    private static func text<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }
}
