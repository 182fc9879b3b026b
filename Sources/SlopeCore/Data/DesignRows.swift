/// The kept cells of consecutive rows as they are parsed: one block of a file's share of a
/// design, collected apart from the builder so that blocks can be parsed in parallel.
struct DesignRows: Sendable {
    let source: String
    let names: [String]
    let slot: [Int]
    /// Numbers are written with a decimal comma.
    var decimalComma = false
    /// n + 1 numbers a row: features, then target.
    private(set) var values: [Double] = []
    private var row: [Double]

    init(source: String, names: [String], slot: [Int], width: Int) {
        self.source = source
        self.names = names
        self.slot = slot
        row = [Double](repeating: 0, count: width)
    }

    /// Parses cell `column` of line `line` if the design keeps that column.
    mutating func cell(_ line: Int, _ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let place = slot[column]
        guard place >= 0 else { return }
        row[place] = try NumberParser.number(bytes, decimalComma: decimalComma, file: source, row: line, column: column, name: names[column])
    }

    /// Sets cell `column` of the current row to `value` if the design keeps that column.
    mutating func set(_ column: Int, _ value: Double) {
        if slot[column] >= 0 { row[slot[column]] = value }
    }

    mutating func endRow() { values.append(contentsOf: row) }
}
