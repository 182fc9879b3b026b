import Foundation
import Testing

/// `study status`, `export` and `analyze` read a store or a storage and change nothing: not
/// its bytes, not its folder (no `-wal`, `-shm`, no new file).
@Suite struct ReadOnlyTests {
    /// The folder's file names and their contents.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func readingAStoreChangesNothing() throws {
        let study = try StudyCommandTests().studyFolder(trials: 6)
        let run = try CLIRunner.run(["study", "run", study.appendingPathComponent("toy.yaml").path, "--store",
                                     study.appendingPathComponent("toy.sqlite").path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        // The store alone in a folder, as a user would hand it over.
        let folder = try CLIRunner.temporaryFolder()
        let store = folder.appendingPathComponent("toy.sqlite").path
        try FileManager.default.copyItem(atPath: study.appendingPathComponent("toy.sqlite").path, toPath: store)
        let before = try snapshot(folder)
        let out = try CLIRunner.temporaryFolder()
        for command in [["study", "status", store], ["study", "export", store, "--csv", out.appendingPathComponent("t.csv").path],
                        ["study", "analyze", store, "--quiet", "--permutations", "20", "--bootstrap", "0"]] {
            let result = try CLIRunner.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(try snapshot(folder) == before, "\(command) changed \(folder.path)")
        }
    }

    @Test func anOptunaStorageIsReadNotChanged() throws {
        let folder = try CLIRunner.temporaryFolder()
        let storage = folder.appendingPathComponent("optuna.db").path
        try FileManager.default.copyItem(atPath: CLIRunner.root.appendingPathComponent("Tests/SlopeStudyTests/Fixtures/optuna.db").path,
                                         toPath: storage)
        let before = try snapshot(folder)
        // Running a study "in" it is refused too, before anything is written to it.
        let spec = try StudyCommandTests().studyFolder(trials: 2).appendingPathComponent("toy.yaml").path
        for command in [["study", "status", storage], ["study", "export", storage, "--csv", "/tmp/never.csv"],
                        ["study", "run", spec, "--store", storage, "--quiet"]] {
            let result = try CLIRunner.run(command)
            #expect(result.status == 2 && result.stderr.contains("an Optuna storage, not a slope store"), "\(result.stderr)")
        }
        let analyze = try CLIRunner.run(["study", "analyze", storage, "--study", "toy", "--quiet", "--permutations", "20", "--bootstrap", "0"])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        #expect(try snapshot(folder) == before)
    }

    @Test func anEmptyFileIsNotAStoreAndStaysEmpty() throws {
        let folder = try CLIRunner.temporaryFolder()
        let empty = folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        for command in [["study", "status", empty], ["study", "export", empty, "--csv", folder.appendingPathComponent("x.csv").path]] {
            let result = try CLIRunner.run(command)
            #expect(result.status == 2 && result.stderr.contains("not a study store"), "\(result.stderr)")
        }
        #expect(try snapshot(folder) == ["empty.sqlite": Data()])
    }
}

/// `study export` → CSV → `study analyze` gives the ranking the store gives.
@Suite struct ExportRoundTripTests {
    @Test func anExportedTableAnalysesLikeItsStore() throws {
        let study = try StudyCommandTests().studyFolder(trials: 20)
        let store = study.appendingPathComponent("toy.sqlite").path
        let run = try CLIRunner.run(["study", "run", study.appendingPathComponent("toy.yaml").path, "--store", store, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = study.appendingPathComponent("trials.csv").path
        #expect(try CLIRunner.run(["study", "export", store, "--csv", csv, "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: study.appendingPathComponent("trials.spec.yaml").path))
        let options = ["--quiet", "--permutations", "100", "--bootstrap", "0", "--goal", "0.2"]
        let fromStore = try CLIRunner.run(["study", "analyze", store] + options)
        let fromCSV = try CLIRunner.run(["study", "analyze", csv] + options)
        #expect(fromStore.status == 0 && fromCSV.status == 0, "\(fromCSV.stderr)")
        // The same analysis, line for line, but for the first line naming the source.
        #expect(fromStore.stdout.split(separator: "\n").dropFirst() == fromCSV.stdout.split(separator: "\n").dropFirst())
        #expect(fromCSV.stdout.hasPrefix("\(csv) (types and objectives from trials.spec.yaml)"))
        #expect(fromCSV.stdout.contains("wall_time_s") && fromCSV.stdout.contains(" lr ") && fromCSV.stdout.contains("log"))
    }
}
