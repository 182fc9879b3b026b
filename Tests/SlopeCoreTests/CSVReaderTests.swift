import Testing
@testable import SlopeCore

@Suite struct CSVReaderTests {
    private func parse(_ text: String, delimiter: Character = ",") throws -> Table {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try CSVReader(delimiter: delimiter).parse($0, source: "t.csv") }
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
        expectError("a,b\nNaN,1\n", "t.csv: row 2, column 1 (a): \"NaN\" is not a finite number")
        expectError("a,b\n1,-inf\n", "t.csv: row 2, column 2 (b): \"-inf\" is not a finite number")
        expectError("a,b\n1,1e999\n", "t.csv: row 2, column 2 (b): \"1e999\" is not a finite number")
        expectError("a,a\n1,2\n", "t.csv: row 1: columns 1 and 2 are both named \"a\"")
        expectError("a,b\n1,\"2\n", "t.csv: row 2, column 2: a quoted cell is not closed")
    }

    @Test func numbersAcceptBlanksAndSigns() throws {
        #expect(try parse("a\n  +1.5 \n-2E3\n.5\n").columns == [[1.5, -2000, 0.5]])
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: SlopeError.unreadable(file: "/no/such.csv", reason: "no such file")) {
            try CSVReader().read(path: "/no/such.csv")
        }
    }

    @Test func delimiterMustBeOneSafeCharacter() {
        #expect(throws: SlopeError.self) { try CSVReader(delimiter: "\"") }
        #expect(throws: SlopeError.self) { try CSVReader(delimiter: "é") }
    }
}
