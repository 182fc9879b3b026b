/// Splits CSV bytes into records and cells (RFC 4180: quoted cells may hold the delimiter,
/// line breaks and doubled quotes `""`). Records end at LF, CRLF or CR.
///
/// The scanner reuses one byte buffer for the cells of the current record, so scanning a
/// file allocates nothing per cell. Every cell is followed in that buffer by a 0 byte, so a
/// number can be parsed in place (`NumberParser`).
struct CSVScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private let source: String
    private var position: Int
    /// The line the next record starts on (1-based).
    private(set) var line: Int

    /// The cells of the last record read, each followed by a 0 byte; `cellEnds[c]` ends cell
    /// `c` (the index of its 0 byte).
    private(set) var cellBytes: [UInt8] = []
    private(set) var cellEnds: [Int] = []

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// - Parameters:
    ///   - line: the line `bytes` start on; a UTF-8 byte order mark is skipped on line 1 only.
    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, source: String, line: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.source = source
        self.line = line
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        position = line == 1 && bytes.count >= 3 && Array(bytes[0..<3]) == bom ? 3 : 0
    }

    /// True when no byte is left.
    var atEnd: Bool { position >= bytes.count }

    /// Number of cells in the last record.
    var cellCount: Int { cellEnds.count }

    /// The byte range of cell `c` of the last record inside `cellBytes`.
    func cellRange(_ c: Int) -> Range<Int> { (c == 0 ? 0 : cellEnds[c - 1] &+ 1)..<cellEnds[c] }

    /// True when the last record is a blank line (a single empty, unquoted cell).
    var recordIsBlank: Bool { cellEnds == [0] && !lastRecordHadQuote }
    private var lastRecordHadQuote = false

    /// Reads the next record.
    /// - Returns: the line on which the record starts (1-based).
    /// - Throws: `SlopeError.unclosedQuote` when a quoted cell runs to the end of the file.
    mutating func nextRecord() throws -> Int {
        cellBytes.removeAll(keepingCapacity: true)
        cellEnds.removeAll(keepingCapacity: true)
        lastRecordHadQuote = false
        let startLine = line
        let count = bytes.count
        while true {
            if position < count && bytes[position] == Self.quote {
                lastRecordHadQuote = true
                try readQuoted(startLine: startLine)
            }
            let start = position
            while position < count {
                let c = bytes[position]
                if c == delimiter || c == Self.lf || c == Self.cr { break }
                position &+= 1
            }
            cellBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            cellEnds.append(cellBytes.count)
            cellBytes.append(0)
            guard position < count else { return startLine }
            let c = bytes[position]
            position &+= 1
            if c == delimiter { continue }
            if c == Self.cr && position < count && bytes[position] == Self.lf { position &+= 1 }
            line &+= 1
            return startLine
        }
    }

    private mutating func readQuoted(startLine: Int) throws {
        let count = bytes.count
        position &+= 1
        while true {
            guard position < count else {
                throw SlopeError.unclosedQuote(file: source, row: startLine, column: cellEnds.count + 1)
            }
            let c = bytes[position]
            if c == Self.quote {
                if position + 1 < count && bytes[position + 1] == Self.quote {
                    cellBytes.append(Self.quote)
                    position &+= 2
                    continue
                }
                position &+= 1
                return
            }
            if c == Self.lf || (c == Self.cr && (position + 1 >= count || bytes[position + 1] != Self.lf)) {
                line &+= 1
            }
            cellBytes.append(c)
            position &+= 1
        }
    }
}
