import Foundation
import Testing
@testable import SlopeCore

@Suite struct CSVReaderTests {
    /// Parses `text` in memory, and also from a file in blocks of several sizes (down to one
    /// byte, so records and quoted line breaks straddle blocks); every way must give the same
    /// table or the same error.
    private func parse(_ text: String, delimiter: Character = ",", sourceLocation: SourceLocation = #_sourceLocation) throws -> Table {
        let bytes = Array(text.utf8)
        let memory = Result { try bytes.withUnsafeBufferPointer { try CSVReader(delimiter: delimiter).parse($0, source: "t.csv") } }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("slope-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for blockSize in [1, 2, 3, 7, 64, 1 << 22] {
            var reader = try CSVReader(delimiter: delimiter)
            reader.blockSize = blockSize
            switch (memory, Result { try reader.read(path: path) }) {
            case let (.success(a), .success(b)):
                #expect(a.columnNames == b.columnNames && a.columns == b.columns, "block \(blockSize)", sourceLocation: sourceLocation)
            case let (.failure(a), .failure(b)):
                #expect("\(a)" == "\(b)".replacingOccurrences(of: path, with: "t.csv"), "block \(blockSize)", sourceLocation: sourceLocation)
            case let (a, b):
                Issue.record("in memory \(a), block \(blockSize): \(b)", sourceLocation: sourceLocation)
            }
        }
        return try memory.get()
    }

    private func expectError(_ text: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try parse(text)
            Issue.record("no error for \(text.debugDescription)", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error)" == message, sourceLocation: sourceLocation)
        }
    }

    @Test func readsQuotedHeadersCRLFAndABOM() throws {
        let table = try parse("\u{FEFF}\"mean radius\",\"a, \"\"b\"\"\",c\r\n1,2.5,-3e-2\r\n4,\"5\",6\r\n")
        #expect(table.columnNames == ["mean radius", "a, \"b\"", "c"])
        #expect(table.columns == [[1, 4], [2.5, 5], [-0.03, 6]])
    }

    @Test func quotedCellsMayHoldLineBreaksAndRowsCountLines() {
        expectError("\"a\nb\",c\n1,2\n3,x\n", "t.csv: row 4, column 2 (c): \"x\" is not a number")
    }

    @Test func otherDelimitersAndBlankLines() throws {
        let table = try parse("a;b\n\n1;2\n\n3;4\n\n", delimiter: ";")
        #expect(table.columns == [[1, 3], [2, 4]])
        #expect(table.rowCount == 2)
    }

    @Test func badInputNamesFileRowAndColumn() {
        expectError("", "t.csv: the file is empty")
        expectError("\n\n", "t.csv: the file is empty")
        expectError("a,b\n", "t.csv: the file has a header row but no data rows")
        expectError("a,b\n1,2\n3\n", "t.csv: row 3: expected 2 cells as in the header, found 1")
        expectError("a,b\n1,2\n3,\n", "t.csv: row 3, column 2 (b): the cell is empty")
        expectError("a,b\n1,abc\n", "t.csv: row 2, column 2 (b): \"abc\" is not a number")
        expectError("a,b\n1,0x10\n", "t.csv: row 2, column 2 (b): \"0x10\" is not a number")
        expectError("a,b\nNaN,1\n", "t.csv: row 2, column 1 (a): \"NaN\" marks a missing value; every cell must be a number")
        expectError("a,b\n1,-inf\n", "t.csv: row 2, column 2 (b): \"-inf\" is not a finite number")
        expectError("a,b\n1,1e999\n", "t.csv: row 2, column 2 (b): \"1e999\" is not a finite number")
        expectError("a,a\n1,2\n", "t.csv: row 1: columns 1 and 2 are both named \"a\"")
        expectError("a,b\n1,\"2\n", "t.csv: row 2, column 2: a quoted cell is not closed")
    }

    @Test func numbersAcceptBlanksAndSigns() throws {
        #expect(try parse("a\n  +1.5 \n-2E3\n.5\n").columns == [[1.5, -2000, 0.5]])
    }

    /// The fast decimal path gives strtod's bits, and declines what it cannot do exactly.
    @Test func fastDecimalsAreStrtodsBits() {
        var g = SeededGenerator(seed: 3)
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character("\(g.nextInt(below: 10))") }) }
        var fast = 0
        for _ in 0..<20000 {
            var text = ["", "-", "+"][g.nextInt(below: 3)] + digits(g.nextInt(below: 12))
            if g.nextInt(below: 2) == 0 { text += "." + digits(g.nextInt(below: 12)) }
            if g.nextInt(below: 3) == 0 { text += ["e", "E"][g.nextInt(below: 2)] + ["", "-", "+"][g.nextInt(below: 3)] + digits(1 + g.nextInt(below: 2)) }
            let bytes = Array(text.utf8) + [0]
            let got = bytes.withUnsafeBufferPointer { NumberParser.fastDecimal(UnsafeBufferPointer(rebasing: $0[0..<(bytes.count - 1)]), 0, bytes.count - 1) }
            var end: UnsafeMutablePointer<CChar>? = nil
            let expected = bytes.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { strtod($0.baseAddress!, &end) } }
            guard let got else { continue }
            fast += 1
            #expect(got.bitPattern == expected.bitPattern, "\(text)")
        }
        #expect(fast > 5000)
        #expect(NumberParser.fastDecimal(Array("12345678901234567890".utf8).withUnsafeBufferPointer { $0 }, 0, 20) == nil)
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: SlopeError.unreadable(file: "/no/such.csv", reason: "no such file")) {
            try CSVReader().read(path: "/no/such.csv")
        }
    }

    @Test func randomQuotedTablesReadTheSameInAnyBlockSize() throws {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<40 {
            let breaks = ["\n", "\r\n", "\n\n"]
            var text = "\"x\ny\",\"b\"\"\"" + breaks[Int(g.next() % 3)]
            for _ in 0..<(1 + Int(g.next() % 6)) {
                let a = Double(Int(g.next() % 2000)) / 8 - 100
                let quoted = g.next() % 2 == 0
                text += (quoted ? "\"\(a)\"" : "\(a)") + "," + "\(Int(g.next() % 50))" + breaks[Int(g.next() % 3)]
            }
            let table = try parse(text)
            #expect(table.columnNames == ["x\ny", "b\""])
        }
    }

    @Test func recordBoundaryIsTheLastLineFeedOutsideQuotes() {
        func boundary(_ text: String) -> Int? { Array(text.utf8).withUnsafeBufferPointer { CSVBlocks.recordBoundary($0) } }
        #expect(boundary("a,b\n1,2") == 4)
        #expect(boundary("a,b\n\"1\n2") == 4)
        #expect(boundary("\"a\n\"\"b\"\n1") == 8)
        #expect(boundary("a,b") == nil)
        #expect(boundary("") == nil)
    }

    @Test func aDirectoryIsNotAFile() {
        #expect(throws: SlopeError.unreadable(file: "/tmp", reason: "not a regular file")) {
            try CSVReader().read(path: "/tmp")
        }
    }

    @Test func delimiterMustBeOneSafeCharacter() {
        #expect(throws: SlopeError.self) { try CSVReader(delimiter: "\"") }
        #expect(throws: SlopeError.self) { try CSVReader(delimiter: "é") }
    }
}
