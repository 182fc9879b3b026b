import Foundation
import Testing

/// Missing values and column types are explicit: a numeric column with an NA is never read
/// as levels without a word.
@Suite struct MissingValueTests {
    /// diabetes with `NA` in two bmi cells (rows 6 and 41 of the file).
    static func diabetesWithNA(_ folder: URL, token: String = "NA") throws -> String {
        var lines = try String(contentsOfFile: CLIRunner.example("diabetes.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        try #require(lines.count > 41)
        let bmi = try #require(lines[0].split(separator: ",").firstIndex(of: "bmi"))
        for row in [5, 40] {
            var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[bmi] = token
            lines[row] = cells.joined(separator: ",")
        }
        let path = folder.appendingPathComponent("diabetes-na.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func hsicRefusesMissingValuesByDefaultAndDropsThemWhenAsked() throws {
        let folder = try CLIRunner.temporaryFolder()
        for token in ["NA", "N/A", "nan", "null", "?"] {
            let path = try Self.diabetesWithNA(folder, token: token)
            let refused = try CLIRunner.run(["hsic", path, "--target", "progression", "--quiet"])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("2 cells are missing, the first at row 6, column 3 (bmi): \"\(token)\"; leave those rows out with --missing drop"), "\(refused.stderr)")
        }
        let path = try Self.diabetesWithNA(folder)
        let dropped = try CLIRunner.run(["hsic", path, "--target", "progression", "--quiet", "--missing", "drop",
                                         "--permutations", "0", "--csv", folder.appendingPathComponent("h.csv").path])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(dropped.stderr.contains("2 rows with a missing value left out"))
        #expect(dropped.stdout.contains("440 rows"))
        // bmi stays a continuous input ranked second, as on the complete table (R2-HSIC 0.240).
        let bmi = try #require(dropped.stdout.split(separator: "\n").first { $0.contains(" bmi ") })
        #expect(bmi.contains("continuous") && bmi.hasPrefix(" 2 "), "\(bmi)")
        // A token of the user's own.
        let own = try Self.diabetesWithNA(folder, token: "-999")
        let ownRefused = try CLIRunner.run(["hsic", own, "--target", "progression", "--quiet", "--na", "-999"])
        #expect(ownRefused.stderr.contains("2 cells are missing"), "\(ownRefused.stderr)")
    }

    @Test func aTextCellInANumericColumnIsRefusedWithAHint() throws {
        let folder = try CLIRunner.temporaryFolder()
        let path = try Self.diabetesWithNA(folder, token: "oops")
        let result = try CLIRunner.run(["hsic", path, "--target", "progression", "--quiet"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("row 6, column 3 (bmi): \"oops\" is not a number, but the column's other cells are; read the column as levels with --categorical bmi, or mark the cell missing with --na oops"), "\(result.stderr)")
        let levels = try CLIRunner.run(["hsic", path, "--target", "progression", "--quiet", "--categorical", "bmi", "--permutations", "0"])
        #expect(levels.status == 0 && levels.stdout.contains("bmi    categorical"), "\(levels.stdout)")
    }

    @Test func anNAInATrialsTableIsAnInactiveHyperparameterNotALevel() throws {
        let folder = try CLIRunner.temporaryFolder()
        var lines = try String(contentsOfFile: CLIRunner.example("toy-trials.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        try #require(lines.count > 8)
        let lr = try #require(lines[0].split(separator: ",").firstIndex(of: "lr"))
        var cells = lines[7].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[lr] = "NA"
        lines[7] = cells.joined(separator: ",")
        let path = folder.appendingPathComponent("trials.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["study", "analyze", path, "--objective", "error", "--log", "lr", "--quiet",
                                        "--permutations", "200", "--bootstrap", "0", "--goal", "0.2"])
        #expect(result.status == 0, "\(result.stderr)")
        let row = try #require(result.stdout.split(separator: "\n").first { $0.contains(" lr ") && $0.contains("239") })
        #expect(row.contains("log"), "\(row)")
    }

    @Test func decimalCommaAndNamedDelimiters() throws {
        let folder = try CLIRunner.temporaryFolder()
        let path = folder.appendingPathComponent("comma.csv").path
        var text = "x;z;y\n"
        for k in 0..<40 { text += "\(k),5;\(k % 3);\(k * 2),25\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["hsic", path, "--delimiter", "semicolon", "--decimal", ",", "--quiet", "--permutations", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("x      continuous"), "\(result.stdout)")
        let clash = try CLIRunner.run(["hsic", path, "--decimal", ",", "--quiet"])
        #expect(clash.status == 2 && clash.stderr.contains("a decimal comma needs another cell separator"), "\(clash.stderr)")
    }
}

/// Column selection edges: names holding commas, a name chosen twice, a huge name.
@Suite struct SelectionEdgeTests {
    @Test func namesWithCommasAreSelectedInQuotes() throws {
        let folder = try CLIRunner.temporaryFolder()
        let path = folder.appendingPathComponent("t.csv").path
        var text = "a,\"b,c\",y\n"
        for k in 0..<30 { text += "\(k % 7),\(k % 5),\(k)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["hsic", path, "--inputs", "\"b,c\"", "--quiet", "--permutations", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("b,c ") && !result.stdout.contains(" a "), "\(result.stdout)")
    }

    @Test func aColumnChosenTwiceIsRefused() throws {
        let result = try CLIRunner.run(["analyze", CLIRunner.example("diabetes.csv"), "--features", "bmi,bmi", "--quiet"])
        #expect(result.status == 2 && result.stderr.contains("the column \"bmi\" is chosen twice"), "\(result.stderr)")
    }

    @Test func aHugeColumnNameIsShortInMessagesAndFastInTables() throws {
        let folder = try CLIRunner.temporaryFolder()
        let path = folder.appendingPathComponent("t.csv").path
        let name = String(repeating: "n", count: 20_000)
        var text = "\(name),b,y\n"
        for k in 0..<30 { text += "\(Double(k) * 0.37),\(k % 4),\(k)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let start = Date()
        let result = try CLIRunner.run(["hsic", path, "--quiet", "--permutations", "0"])
        #expect(result.status == 0 && Date().timeIntervalSince(start) < 10)
        let missing = try CLIRunner.run(["hsic", path, "--target", "nope", "--quiet"])
        #expect(missing.status == 2 && missing.stderr.count < 600, "\(missing.stderr.count) characters")
    }
}

/// Ctrl-C or SIGTERM while the outputs are written leaves no output and no temporary file,
/// and exits as a shell reports the signal (130, 143); a temporary left by a killed run is
/// removed by the next.
@Suite struct InterruptedWriteTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalWhileWritingLeavesNothing(signal: Int32) throws {
        let folder = try CLIRunner.temporaryFolder()
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["analyze", CLIRunner.example("diabetes.csv"), "--epochs", "10000", "--restarts", "2", "--null", "0", "--quiet",
                             "--history-csv", folder.appendingPathComponent("h.csv").path,
                             "--json", folder.appendingPathComponent("a.json").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the first temporary file, then interrupt.
        let deadline = Date().addingTimeInterval(60)
        var sawTemporary = false
        while Date() < deadline && process.isRunning {
            if (try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains(where: { $0.hasSuffix(".tmp") }) {
                sawTemporary = true
                kill(process.processIdentifier, signal)
                break
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        process.waitUntilExit()
        #expect(sawTemporary, "the outputs were written before the test could interrupt them")
        if sawTemporary {
            #expect(process.terminationStatus == 128 + signal)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test func aKilledRunsTemporaryIsRemovedByTheNext() throws {
        let folder = try CLIRunner.temporaryFolder()
        // The pid of a process that has ended: a run killed by SIGKILL.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = folder.appendingPathComponent(".h.json.slope-\(gone.processIdentifier)-0.tmp").path
        let live = folder.appendingPathComponent(".h.json.slope-\(getpid())-0.tmp").path
        let other = folder.appendingPathComponent(".other.json.slope-\(gone.processIdentifier)-0.tmp").path
        for path in [stale, live, other] { try "partial".write(toFile: path, atomically: false, encoding: .utf8) }
        let result = try CLIRunner.run(["hsic", CLIRunner.example("toy-trials.csv"), "--quiet", "--permutations", "0",
                                        "--json", folder.appendingPathComponent("h.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        // A live process's temporary, and another file's, are left alone.
        #expect(FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: other))
    }
}
