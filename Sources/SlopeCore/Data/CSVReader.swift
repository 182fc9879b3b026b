import Foundation

/// Reads a numeric CSV table: a header row of names, then rows of decimal numbers.
///
/// Quoting follows RFC 4180. Blank lines are skipped. Every problem is a `SlopeError` that
/// names the file, the row (line number, header = 1) and the column.
public struct CSVReader: Sendable {
    /// The byte that separates cells.
    public let delimiter: UInt8
    /// Numbers are written with a decimal comma (`1,5`).
    public let decimalComma: Bool
    /// Bytes read from the file at a time (grown for longer records).
    var blockSize = CSVBlocks.initialBlockSize

    /// - Parameters:
    ///   - delimiter: a single ASCII character other than `"`, CR or LF.
    ///   - decimal: `.` or `,` (then the delimiter cannot be a comma).
    public init(delimiter: Character = ",", decimal: Character = ".") throws(SlopeError) {
        guard let byte = delimiter.asciiValue, delimiter != "\"", delimiter != "\n", delimiter != "\r" else {
            throw SlopeError.invalidSetting(.delimiter, reason: "\(Shown.quoted(String(delimiter))) is not a single ASCII character other than a quote or a line break")
        }
        guard decimal == "." || decimal == "," else {
            throw SlopeError.invalidSetting(.decimal, reason: "must be '.' or ','")
        }
        guard !(decimal == "," && delimiter == ",") else {
            throw SlopeError.invalidSetting(.decimal, reason: "a decimal comma needs another cell separator (e.g. semicolon)")
        }
        self.delimiter = byte
        decimalComma = decimal == ","
    }

    /// Reads the file at `path`, block by block.
    /// - Parameter progress: told (bytes read, file size) as the file is read.
    /// - Complexity: O(size of the file) time; memory for the numbers plus one block.
    public func read(path: String, progress: ((Int, Int) -> Void)? = nil) throws -> Table {
        var columns = TableColumns(source: path, decimalComma: decimalComma)
        let names = try scan(path: path, progress: progress, start: { columns.start($0) }, cell: { try columns.add($0, $1, $2) })
        return try Table(source: path, columnNames: names, columns: columns.values)
    }

    /// Parses CSV bytes held in memory; `source` names them in errors.
    /// - Complexity: O(number of bytes).
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws -> Table {
        var columns = TableColumns(source: source, decimalComma: decimalComma)
        var state = ScanState()
        try scan(block: bytes, source: source, state: &state, start: { columns.start($0) }, cell: { try columns.add($0, $1, $2) }, rowEnd: {})
        return try Table(source: source, columnNames: state.finish(source), columns: columns.values)
    }

    /// Reads the header, then hands every cell of every data row to `cell` with its row
    /// (line number) and column index, and calls `rowEnd` after each data row; checks that
    /// each row has as many cells as the header and that there is at least one data row.
    /// Returns the column names.
    func scan(path: String, progress: ((Int, Int) -> Void)? = nil, start: ([String]) throws -> Void,
              cell: (Int, Int, UnsafeBufferPointer<UInt8>) throws -> Void, rowEnd: () throws -> Void = {}) throws -> [String] {
        var state = ScanState()
        try CSVBlocks.forEach(path: path, blockSize: blockSize, progress: progress) { block in
            try scan(block: block, source: path, state: &state, start: start, cell: cell, rowEnd: rowEnd)
        }
        return try state.finish(path)
    }

    /// Where a scan stands between blocks: the header once read, data rows so far, next line.
    struct ScanState: Sendable {
        var names: [String]?
        var rows = 0
        var line = 1

        func finish(_ source: String) throws -> [String] {
            guard let names else { throw SlopeError.emptyFile(file: source) }
            guard rows > 0 else { throw SlopeError.headerOnly(file: source) }
            return names
        }
    }

    /// Scans the complete records of one block.
    func scan(block: UnsafeBufferPointer<UInt8>, source: String, state: inout ScanState, start: ([String]) throws -> Void,
                      cell: (Int, Int, UnsafeBufferPointer<UInt8>) throws -> Void, rowEnd: () throws -> Void) throws {
        var scanner = CSVScanner(bytes: block, delimiter: delimiter, source: source, line: state.line)
        while !scanner.atEnd {
            let row = try scanner.nextRecord()
            if scanner.recordIsBlank { continue }
            guard let names = state.names else {
                let names = (0..<scanner.cellCount).map { c in
                    Self.text(scanner.cellBytes[scanner.cellRange(c)]).trimmingCharacters(in: Self.blanks)
                }
                try checkHeader(names, source: source)
                state.names = names
                try start(names)
                continue
            }
            guard scanner.cellCount == names.count else {
                throw SlopeError.raggedRow(file: source, row: row, expected: names.count, found: scanner.cellCount)
            }
            try scanner.cellBytes.withUnsafeBufferPointer { cells in
                for c in 0..<names.count {
                    try cell(row, c, UnsafeBufferPointer(rebasing: cells[scanner.cellRange(c)]))
                }
            }
            try rowEnd()
            state.rows += 1
        }
        state.line = scanner.line
    }

    /// Refuses a header with an unnamed column, and a one-column header that holds a
    /// semicolon or a tab (the file is most likely separated by it).
    func checkHeader(_ names: [String], source: String) throws {
        if let empty = names.firstIndex(of: "") { throw SlopeError.emptyColumnName(file: source, column: empty + 1) }
        if names.count == 1, let separator = [";", "\t", "|"].first(where: { names[0].contains($0) && $0.asciiValue != delimiter }) {
            throw SlopeError.oneColumnHeader(file: source, name: names[0], separator: separator)
        }
    }

    static func text<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }

    /// What is trimmed around a cell: spaces and tabs, as around a number (`NumberParser`).
    /// Not Foundation's `.whitespaces`, which on Linux also takes the zero-width space off, so
    /// that "x" and "x" + U+200B, two names of a spec, would read back as one.
    static let blanks = CharacterSet(charactersIn: " \t")
}

/// The numeric columns of a table as a CSV is read: every cell must be a finite number.
private struct TableColumns {
    let source: String
    let decimalComma: Bool
    var names: [String] = []
    var values: [[Double]] = []

    init(source: String, decimalComma: Bool) {
        self.source = source
        self.decimalComma = decimalComma
    }

    mutating func start(_ names: [String]) {
        self.names = names
        values = Array(repeating: [], count: names.count)
    }

    mutating func add(_ row: Int, _ c: Int, _ cell: UnsafeBufferPointer<UInt8>) throws {
        values[c].append(try NumberParser.number(cell, decimalComma: decimalComma, file: source, row: row, column: c, name: names[c]))
    }
}
