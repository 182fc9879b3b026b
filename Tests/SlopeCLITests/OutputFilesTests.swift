import Foundation
import Testing
@testable import slope

/// Outputs are written all or none, and no temporary file is left behind.
@Suite struct OutputFilesTests {
    @Test func oneUnwritableOutputLeavesNoOtherOutput() throws {
        let folder = try CLIRunner.temporaryFolder()
        let json = folder.appendingPathComponent("out.json").path
        let blocked = folder.appendingPathComponent("blocked")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        let result = try CLIRunner.run(["hsic", CLIRunner.example("ishigami.csv"), "--quiet", "--permutations", "10",
                                        "--json", json, "--csv", blocked.path])
        #expect(result.status == 2 && result.stderr.contains("it is a folder"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["blocked"])
    }

    /// A named pipe (like /dev/null, a file that is not a regular one) is written into, never
    /// replaced by a file renamed over it.
    @Test func aPipeIsWrittenIntoNotReplaced() throws {
        let folder = try CLIRunner.temporaryFolder()
        let pipe = folder.appendingPathComponent("results.pipe").path
        #expect(mkfifo(pipe, 0o644) == 0)
        // Held open for reading and writing, the pipe never blocks slope's open, and what slope
        // writes (far less than the pipe's buffer) waits in it; a replaced pipe reads empty.
        let descriptor = open(pipe, O_RDWR | O_NONBLOCK)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let result = try CLIRunner.run(["hsic", CLIRunner.example("ishigami.csv"), "--quiet", "--permutations", "10", "--json", pipe])
        #expect(result.status == 0, "\(result.stderr)")
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(descriptor, &buffer, buffer.count)
        let text = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        #expect(text.hasPrefix("{") && text.contains("\"indices\""), "\(text.prefix(200))")
        var info = stat()
        #expect(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the named pipe was replaced by a file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["results.pipe"])
    }

    @Test func writtenTogetherAndNothingElseInTheFolder() throws {
        let folder = try CLIRunner.temporaryFolder()
        var files = OutputFiles()
        files.add(folder.appendingPathComponent("a.txt").path, Data("a".utf8))
        files.add(folder.appendingPathComponent("b.txt").path, Data("b".utf8))
        try "old".write(toFile: folder.appendingPathComponent("b.txt").path, atomically: false, encoding: .utf8)
        try files.write()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.txt", "b.txt"])
        #expect(try String(contentsOfFile: folder.appendingPathComponent("b.txt").path, encoding: .utf8) == "b")
    }
}

/// A failed import names its input and leaves no store, so that the command can run again.
@Suite struct ImportFailureTests {
    @Test func aBrokenOptunaStorageLeavesNoStore() throws {
        let folder = try CLIRunner.temporaryFolder()
        let storage = folder.appendingPathComponent("dup.db").path, store = folder.appendingPathComponent("imported.sqlite").path
        try FileManager.default.copyItem(atPath: CLIRunner.root.appendingPathComponent("Tests/SlopeStudyTests/Fixtures/optuna.db").path,
                                         toPath: storage)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3; c = sqlite3.connect('\(storage)'); c.execute('UPDATE trials SET number = 0'); c.commit()"]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0)
        for _ in 0..<2 {
            let result = try CLIRunner.run(["study", "import", storage, "--study", "toy", "--store", store])
            #expect(result.status == 2 && result.stderr.contains("\(storage): table trials: the trial number 0"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: store))
        }
    }
}
