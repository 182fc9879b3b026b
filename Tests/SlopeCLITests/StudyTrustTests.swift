import Foundation
import Testing

/// Studies that many processes share, that lose a worker, or that fail whole.
@Suite struct StudyTrustTests {
    func start(_ arguments: [String], stderr: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        if let stderr {
            FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderr)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    func trials(_ store: String, _ folder: URL) throws -> [[String: Any]] {
        let json = folder.appendingPathComponent("t-\(UUID().uuidString).json").path
        let export = try CLIRunner.run(["study", "export", store, "--json", json, "--quiet"])
        try #require(export.status == 0, "\(export.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        return try #require(object?["trials"] as? [[String: Any]])
    }

    /// A store file deleted while the study runs: exit 2 naming it, not "finished" with every
    /// result gone.
    @Test func aStoreDeletedMidRunIsAnError() throws {
        let folder = try CLIRunner.temporaryFolder()
        try CLIRunner.writeScript("#!/bin/sh\nrm -f kdel.sqlite\necho '{\"error\": 1}'\n", to: folder.appendingPathComponent("t.sh").path)
        let spec = folder.appendingPathComponent("k.yaml")
        try "name: kdel\ntrials: 4\nobjectives: {error: minimize}\ncommand: ./t.sh {args}\nparameters:\n  lr: {distribution: uniform, min: 0, max: 1}\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["study", "run", spec.path, "--store", folder.appendingPathComponent("kdel.sqlite").path, "--quiet"])
        #expect(run.status == 2 && run.stderr.contains("the store file was deleted while the study ran"), "\(run.status) \(run.stderr)")
    }

    @Test func fourProcessesStartingTogetherOnANewStoreShareTheStudy() throws {
        for _ in 0..<2 {
            let folder = try StudyCommandTests().studyFolder(trials: 12, sleep: 0.05)
            let spec = folder.appendingPathComponent("toy.yaml").path, store = folder.appendingPathComponent("toy.sqlite").path
            let logs = (0..<4).map { folder.appendingPathComponent("stderr-\($0).txt") }
            let processes = try logs.map { try start(["study", "run", spec, "--store", store, "--quiet"], stderr: $0) }
            for p in processes { p.waitUntilExit() }
            let messages = try logs.map { try String(contentsOf: $0, encoding: .utf8) }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(processes.map(\.terminationStatus)): \(messages)")
            let all = try trials(store, folder)
            #expect(all.count == 12 && all.allSatisfy { $0["state"] as? String == "done" && $0["attempts"] as? Int == 1 })
        }
    }

    @Test func aSurvivorRunsTheTrialsOfAPeerThatDied() throws {
        let folder = try StudyCommandTests().studyFolder(trials: 10, sleep: 1.0)
        let spec = folder.appendingPathComponent("toy.yaml").path, store = folder.appendingPathComponent("toy.sqlite").path
        let doomed = try start(["study", "run", spec, "--store", store, "--jobs", "2", "--quiet"])
        Thread.sleep(forTimeInterval: 0.5)
        let survivor = try start(["study", "run", spec, "--store", store, "--quiet"])
        Thread.sleep(forTimeInterval: 0.3)
        kill(doomed.processIdentifier, SIGKILL)
        doomed.waitUntilExit()
        survivor.waitUntilExit()
        #expect(survivor.terminationStatus == 0)
        let all = try trials(store, folder)
        #expect(all.allSatisfy { $0["state"] as? String == "done" }, "\(all.map { $0["state"] ?? "?" })")
    }

    @Test func aStudyWhoseEveryTrialFailedExitsOneWithTheCommonestFailure() throws {
        let folder = try CLIRunner.temporaryFolder()
        let script = folder.appendingPathComponent("fail.sh").path
        try CLIRunner.writeScript("#!/bin/sh\necho 'no data here' >&2\nexit 3\n", to: script)
        let spec = folder.appendingPathComponent("s.yaml")
        try "trials: 4\nobjectives: {e: minimize}\ncommand: ./fail.sh {args}\nparameters:\n  a: {distribution: uniform, min: 0, max: 1}\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["study", "run", spec.path, "--store", folder.appendingPathComponent("s.sqlite").path, "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("every trial failed (4); the commonest failure, in 4 of them: exit status 3"), "\(run.stderr)")
    }

    @Test func aTrainerSpecIsCheckedBeforeAnythingRuns() throws {
        let folder = try CLIRunner.temporaryFolder()
        let cases: [(parameters: String, data: String, message: String)] = [
            ("  activation: {values: [relu, swish]}", "{csv: \(CLIRunner.example("wine.csv"))}",
             "parameters.activation: the mlp trainer cannot take \"swish\": activation: \"swish\" is not one of tanh, relu, sigmoid, gelu"),
            ("  width: {distribution: int_uniform, min: 0, max: 8}", "{csv: \(CLIRunner.example("wine.csv"))}",
             "parameters.width: the mlp trainer cannot take \"0\": width: must be at least 1"),
            ("  lr: {distribution: log_uniform_values, min: 0.001, max: 0.1}", "{csv: no-such.csv}",
             "data.csv: no readable file \"no-such.csv\""),
            ("  lr: {distribution: log_uniform_values, min: 0.001, max: 0.1}", "{csv: \(CLIRunner.example("wine.csv")), validation: 1.5}",
             "data.validation: must be a share in (0, 1)"),
        ]
        for c in cases {
            let spec = folder.appendingPathComponent("m.yaml"), store = folder.appendingPathComponent("m.sqlite").path
            try "trials: 2\nobjectives: {error: minimize}\ntrainer: mlp\ndata: \(c.data)\nparameters:\n\(c.parameters)\n"
                .write(to: spec, atomically: true, encoding: .utf8)
            let run = try CLIRunner.run(["study", "run", spec.path, "--store", store])
            #expect(run.status == 2 && run.stderr.contains(c.message), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: store))
        }
    }
}
