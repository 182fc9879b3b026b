import Foundation
import Testing

/// Every bad input ends with one line naming the file, row and column, exit status 2, and
/// no output file.
@Suite struct BadInputTests {
    static let cases: [(name: String, content: String?, extra: [String], message: String)] = [
        ("missing", nil, [], "no such file"),
        ("empty", "", [], "the file is empty"),
        ("header only", "a,b,y\n", [], "has a header row but no data rows"),
        ("ragged row", "a,b,y\n1,2,3\n4,5\n", [], "row 3: expected 3 cells as in the header, found 2"),
        ("not numeric", "a,b,y\n1,2,3\n4,five,6\n", [], "row 3, column 2 (b): \"five\" is not a number"),
        ("empty cell", "a,b,y\n1,,3\n4,5,6\n", [], "row 2, column 2 (b): the cell is empty"),
        ("nan", "a,b,y\n1,2,3\nnan,5,6\n", [], "row 3, column 1 (a): \"nan\" marks a missing value"),
        ("inf", "a,b,y\n1,2,Inf\n4,5,6\n", [], "row 2, column 3 (y): \"Inf\" is not a finite number"),
        ("missing target", "a,b,y\n1,2,3\n4,5,6\n", ["--target", "z"], "no column named \"z\""),
        ("duplicate names", "a,a,y\n1,2,3\n4,5,6\n", [], "columns 1 and 2 are both named \"a\""),
        ("all constant", "a,b,y\n1,2,3\n1,2,6\n", [], "every feature column is constant"),
        ("unknown feature", "a,b,y\n1,2,3\n4,5,6\n", ["--features", "a,q"], "no column named \"q\""),
        ("bad lr", "a,b,y\n1,2,3\n4,5,6\n", ["--lr=-1"], "--lr: must be a positive number"),
        ("bad activation", "a,b,y\n1,2,3\n4,5,6\n", ["--activation", "cosine"], "cosine"),
        ("bad init", "a,b,y\n1,2,3\n4,5,6\n", ["--init", "/no/init.json"], "/no/init.json"),
        // A bad option is reported before the table is read (it may be gigabytes).
        ("bad option before a bad table", "a,b,y\n1,x,3\n", ["--epochs", "1"], "--epochs: must be at least 2"),
        // A negative number is a value, not an unknown flag.
        ("negative lr", "a,b,y\n1,2,3\n4,5,6\n", ["--lr", "-1"], "--lr: must be a positive number"),
        ("missing token", "a,b,y\n1,2,3\n4,NA,6\n", [], "row 3, column 2 (b): \"NA\" marks a missing value"),
        ("semicolon file", "a;b;y\n1;2;3\n4;5;6\n", [], "the header is one column, \"a;b;y\"; are the cells separated by ';'? (--delimiter semicolon)"),
        ("unnamed column", "a,,y\n1,2,3\n4,5,6\n", [], "row 1, column 2: the column has no name"),
        ("huge cell", "a,b,y\n1,2,3\n4," + String(repeating: "x", count: 1_000_000) + ",6\n", [], "\"xxxxxxxxxx"),
        // The library names the setting; the command line names its flag.
        ("diverged", "a,b,y\n1,2,3\n4,5,6\n9,1,2\n", ["--activation", "identity", "--lr", "1e6", "--epochs", "50"],
         "; try a smaller --lr"),
    ]

    @Test(arguments: cases.indices)
    func exitsTwoWithAMessageAndWritesNothing(_ index: Int) throws {
        let bad = Self.cases[index]
        let folder = try CLIRunner.temporaryFolder()
        let input = folder.appendingPathComponent("input.csv")
        if let content = bad.content { try content.write(to: input, atomically: true, encoding: .utf8) }
        let json = folder.appendingPathComponent("out.json"), csv = folder.appendingPathComponent("out.csv")
        let result = try CLIRunner.run(["analyze", input.path, "--epochs", "20", "--json", json.path,
                                        "--history-csv", csv.path] + bad.extra)
        #expect(result.status == 2, "\(bad.name)")
        #expect(result.stderr.contains(bad.message), "\(bad.name): \(result.stderr)")
        #expect(result.stderr.hasPrefix("slope: error: "), "\(bad.name)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(bad.name): \(result.stderr)")
        #expect(result.stderr.count < 400, "\(bad.name): a message quotes at most ~60 characters of a value")
        if bad.content != nil && !bad.extra.contains(where: { $0.hasPrefix("--") && $0 != "--target" && $0 != "--features" }) {
            #expect(result.stderr.contains(input.path), "\(bad.name) names the file")
        }
        #expect(!FileManager.default.fileExists(atPath: json.path), "\(bad.name)")
        #expect(!FileManager.default.fileExists(atPath: csv.path), "\(bad.name)")
        #expect(result.stdout.isEmpty)
    }

    @Test func missingOutputFolderFailsBeforeTraining() throws {
        let result = try CLIRunner.run(["analyze", CLIRunner.example("wine.csv"), "--json", "/no/such/folder/out.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/no/such/folder/out.json"))
    }
}
