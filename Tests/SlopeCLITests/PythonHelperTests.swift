import Foundation
import Testing

/// The Python trial helper (clients/python; issue 27, item 6), installed with pip into a venv of
/// its own: its unit tests, a study of the example training script that reports through it,
/// and SIGTERM turned into a checkpoint.
@Suite(.serialized) struct PythonHelperTests {
    /// A venv with slope-trial installed, made once for the suite.
    static let venv: Result<URL, any Error> = Result {
        let folder = try CLIRunner.temporaryFolder().appendingPathComponent("venv")
        try Self.check(["/usr/bin/env", "python3", "-m", "venv", folder.path])
        try Self.check([folder.appendingPathComponent("bin/pip").path, "install", "--quiet",
                        CLIRunner.root.appendingPathComponent("clients/python").path])
        // pip builds in the source tree; leave it as it was.
        for leftover in ["clients/python/build", "clients/python/slope_trial.egg-info"] {
            try? FileManager.default.removeItem(at: CLIRunner.root.appendingPathComponent(leftover))
        }
        return folder
    }

    struct Failed: Error, CustomStringConvertible { let description: String }

    /// Runs `arguments`; throws with its output unless it exits 0.
    @discardableResult
    static func check(_ arguments: [String], environment: [String: String] = [:], folder: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw Failed(description: "\(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    @Test func itsOwnTestsPassInTheVenv() throws {
        let python = try Self.venv.get().appendingPathComponent("bin/python").path
        let out = try Self.check([python, "-m", "unittest", "discover", "-s", "tests"], environment: ["PYTHONDONTWRITEBYTECODE": "1"],
                                 folder: CLIRunner.root.appendingPathComponent("clients/python"))
        #expect(out.contains("OK"), "\(out)")
    }

    @Test func aStudyOfTheExampleScriptRuns() throws {
        let python = try Self.venv.get().appendingPathComponent("bin/python").path
        let folder = try CLIRunner.temporaryFolder()
        let example = CLIRunner.root.appendingPathComponent("examples/python-trial")
        try FileManager.default.copyItem(at: example.appendingPathComponent("train.py"), to: folder.appendingPathComponent("train.py"))
        let spec = try String(contentsOf: example.appendingPathComponent("study.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "command: python3 train.py", with: "command: \(python) train.py")
        try spec.write(to: folder.appendingPathComponent("study.yaml"), atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("s.sqlite").path
        let run = try CLIRunner.run(["study", "run", folder.appendingPathComponent("study.yaml").path, "--store", store, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let status = try CLIRunner.run(["study", "status", store])
        #expect(status.stdout.contains("12 trials: 12 done, 0 failed"), "\(status.stdout)")
        // The enqueued configuration ran first; the step reports before the metrics line are
        // the script's own and did not disturb it.
        let csv = folder.appendingPathComponent("t.csv").path
        #expect(try CLIRunner.run(["study", "export", store, "--csv", csv, "--quiet"]).status == 0)
        let first = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")[1]
        #expect(first.contains("0.05,16") && first.contains("enqueued"), "\(first)")
    }

    /// SIGTERM (slope stopping the trial) reaches the script as `Stopped` at its next report:
    /// it saves a checkpoint and exits.
    @Test func sigtermBecomesACheckpoint() throws {
        let python = try Self.venv.get().appendingPathComponent("bin/python").path
        let folder = try CLIRunner.temporaryFolder()
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("examples/python-trial/train.py"),
                                         to: folder.appendingPathComponent("train.py"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["train.py"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["SLOPE_TRIAL_PARAMS": #"{"lr": 0.01, "batch_size": 4, "epochs": 100000}"#, "SLOPE_TRIAL_ID": "5", "SLOPE_TRIAL_SEED": "1"]) { _, new in new }
        // Stdout to a file (a pipe nobody read would fill and block the script).
        let log = folder.appendingPathComponent("stdout.txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: log)
        try process.run()
        // Wait for the first report, then stop the trial as slope does.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("\"step\"") {
            Thread.sleep(forTimeInterval: 0.02)
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let checkpoint = folder.appendingPathComponent("checkpoint-5.json").path
        #expect(FileManager.default.fileExists(atPath: checkpoint))
    }
}
