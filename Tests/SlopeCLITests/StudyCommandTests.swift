import Foundation
import Testing

@Suite struct StudyCommandTests {
    /// A folder with `trial.sh` (error = lr after `sleep`) and a spec of `trials` trials.
    func studyFolder(trials: Int, sleep: Double = 0) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        let script = folder.appendingPathComponent("trial.sh").path
        try CLIRunner.writeScript("""
            #!/bin/sh
            sleep \(sleep)
            echo "training $*"
            echo "{\\"error\\": ${1#--lr=}, \\"size\\": ${2#--width=}}"
            """, to: script)
        try """
            name: toy
            trials: \(trials)
            seed: 3
            sampler: lhs
            objectives: {error: minimize, size: maximize}
            command: ./trial.sh {args}
            parameters:
              lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
              width: {distribution: int_uniform, min: 8, max: 256}
              optimizer: {values: [sgd, momentum]}
              momentum: {distribution: uniform, min: 0.0, max: 0.99, when: {optimizer: momentum}}
            """.write(to: folder.appendingPathComponent("toy.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    func csvRows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func runStatusExport() throws {
        let folder = try studyFolder(trials: 8)
        let store = folder.appendingPathComponent("toy.sqlite").path
        let run = try CLIRunner.run(["study", "run", folder.appendingPathComponent("toy.yaml").path, "--store", store, "--jobs", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("8/8 trials finished (0 failed), best error"))
        let quiet = try CLIRunner.run(["study", "run", folder.appendingPathComponent("toy.yaml").path, "--store", store, "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout.isEmpty)

        let status = try CLIRunner.run(["study", "status", store])
        #expect(status.status == 0)
        #expect(status.stdout.hasPrefix("study toy: 8 trials: 8 done, 0 failed, 0 running, 0 pending\n"))
        #expect(status.stdout.contains("best error (minimize): "))

        let csv = folder.appendingPathComponent("t.csv").path, json = folder.appendingPathComponent("t.json").path
        let export = try CLIRunner.run(["study", "export", store, "--csv", csv, "--json", json, "--quiet"])
        #expect(export.status == 0 && export.stderr.isEmpty)
        let rows = try csvRows(csv)
        #expect(rows[0] == ["id", "state", "lr", "width", "optimizer", "momentum", "error", "size", "wall_time_s", "peak_rss_bytes", "pareto"])
        // error = lr (minimised), size = width (maximised): on the front unless another trial
        // has lr and width no worse and one better.
        let points = rows.dropFirst().map { (Double($0[6])!, Double($0[7])!) }
        for (row, p) in zip(rows.dropFirst(), points) {
            let dominated = points.contains { q in q.0 <= p.0 && q.1 >= p.1 && (q.0 < p.0 || q.1 > p.1) }
            #expect(row[10] == (dominated ? "false" : "true"), "\(row)")
        }
        #expect(status.stdout.contains("Pareto front (error, size): \(rows.filter { $0[10] == "true" }.count) trials: "))
        #expect(rows.count == 9 && rows.dropFirst().map { $0[0] } == (1...8).map(String.init))
        for row in rows.dropFirst() {
            #expect(row[1] == "done" && row[6] == row[2] && Double(row[7]) == Double(row[3]))
            #expect(row[5].isEmpty == (row[4] == "sgd"))
            #expect(Double(row[8])! > 0 && (row[9].isEmpty || Int(row[9])! > 0))
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        let trials = object["trials"] as! [[String: Any]]
        #expect(object["study"] as? String == "toy" && trials.count == 8)
        #expect((trials[0]["parameters"] as! [String: Any]).keys.contains("lr"))
        #expect((trials[0]["metrics"] as! [String: Any])["error"] != nil)
    }

    @Test func badSpecExitsTwoBeforeAnythingRuns() throws {
        let folder = try studyFolder(trials: 4)
        let spec = folder.appendingPathComponent("toy.yaml")
        try String(contentsOf: spec, encoding: .utf8).replacingOccurrences(of: "max: 256", with: "max: 2")
            .write(to: spec, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("s.sqlite").path
        let run = try CLIRunner.run(["study", "run", spec.path, "--store", store])
        #expect(run.status == 2)
        #expect(run.stderr == "slope: error: \(spec.path):9: parameters.width.min: min (8) is greater than max (2)\n")
        #expect(!FileManager.default.fileExists(atPath: store))
        let jobs = try CLIRunner.run(["study", "run", spec.path, "--store", store, "--jobs", "0"])
        #expect(jobs.status == 2 && jobs.stderr == "slope: error: --jobs: must be at least 1\n")
        #expect(!FileManager.default.fileExists(atPath: store))
        let missing = try CLIRunner.run(["study", "status", store])
        #expect(missing.status == 2 && missing.stderr == "slope: error: \(store): no such study store\n")
    }

    /// SIGKILL in the middle of a study, then the same command: trials done before the kill
    /// are unchanged, and the study ends with exactly `trials` results.
    @Test func resumesAfterSIGKILL() throws {
        let folder = try studyFolder(trials: 16, sleep: 0.3)
        let spec = folder.appendingPathComponent("toy.yaml").path, store = folder.appendingPathComponent("toy.sqlite").path
        let json = folder.appendingPathComponent("before.json").path
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["study", "run", spec, "--store", store, "--jobs", "2", "--quiet"]
        try process.run()
        var before: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            guard FileManager.default.fileExists(atPath: store),
                  try CLIRunner.run(["study", "export", store, "--json", json, "--quiet"]).status == 0 else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
            before = (object["trials"] as! [[String: Any]]).filter { $0["state"] as? String == "done" }
            if before.count >= 4 { break }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // Read the store again after the kill: what was done then is what we compare.
        #expect(try CLIRunner.run(["study", "export", store, "--json", json, "--quiet"]).status == 0)
        let killed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        before = (killed["trials"] as! [[String: Any]]).filter { $0["state"] as? String == "done" }
        #expect(before.count >= 4 && before.count < 16, "\(before.count) trials done at the kill")

        let resume = try CLIRunner.run(["study", "run", spec, "--store", store, "--jobs", "2", "--quiet"])
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(try CLIRunner.run(["study", "export", store, "--json", json, "--quiet"]).status == 0)
        let after = (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any])["trials"]
            as! [[String: Any]]
        #expect(after.count == 16 && after.allSatisfy { $0["state"] as? String == "done" })
        #expect(after.map { $0["id"] as! Int } == Array(1...16))
        // Every trial done at the kill reads back the same (but for pareto, which depends on
        // the trials done since).
        for old in before {
            let new = after.first { ($0["id"] as! Int) == (old["id"] as! Int) }!
            #expect(NSDictionary(dictionary: new.filter { $0.key != "pareto" }) == NSDictionary(dictionary: old.filter { $0.key != "pareto" }),
                    "trial \(old["id"]!)")
        }
        // Trials that were running at the kill ran again; none ran twice otherwise.
        #expect(after.allSatisfy { ($0["attempts"] as! Int) <= 2 })
    }

    @Test func mlpLearnsDigits() throws {
        let out = try CLIRunner.run(["mlp", "--images", CLIRunner.example("digits-images.idx3-ubyte"),
                                     "--labels", CLIRunner.example("digits-labels.idx1-ubyte"),
                                     "--lr=0.001", "--width=64", "--depth=1", "--activation=relu", "--optimizer=adam",
                                     "--batch_size=32", "--epochs=20", "--seed=1"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 21)
        // One step report an epoch, its error the validation error after it; the last one's is
        // the final error.
        let steps = try lines.dropLast().map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(steps.map { $0["step"] as? Int } == (1...20).map { $0 })
        let metrics = try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as! [String: Any]
        let accuracy = metrics["accuracy"] as! Double
        #expect(accuracy >= 0.9, "validation accuracy \(accuracy)")
        #expect(abs((metrics["error"] as! Double) - (1 - accuracy)) < 1e-12)
        #expect(steps.last?["error"] as? Double == metrics["error"] as? Double)
    }

    @Test func mlpBadInput() throws {
        let noData = try CLIRunner.run(["mlp"])
        #expect(noData.status == 2 && noData.stderr.contains("give --images and --labels, or --csv"))
        let badLR = try CLIRunner.run(["mlp", "--csv", CLIRunner.example("wine.csv"), "--lr=-1"])
        #expect(badLR.status == 2 && badLR.stderr == "slope: error: --lr: must be a positive number\n")
    }

    /// `trainer: mlp` runs slope itself as each trial's child.
    @Test func trainerStudy() throws {
        let folder = try CLIRunner.temporaryFolder()
        try """
            trials: 3
            sampler: sobol
            objectives: {error: minimize}
            trainer: mlp
            data: {csv: \(CLIRunner.example("wine.csv")), target: cultivar}
            parameters:
              lr: {distribution: log_uniform_values, min: 0.001, max: 0.01}
              width: {values: [8, 16]}
              epochs: {value: 3}
            """.write(to: folder.appendingPathComponent("wine.yaml"), atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("w.sqlite").path, csv = folder.appendingPathComponent("w.csv").path
        let run = try CLIRunner.run(["study", "run", folder.appendingPathComponent("wine.yaml").path, "--store", store, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try CLIRunner.run(["study", "export", store, "--csv", csv]).status == 0)
        let rows = try csvRows(csv)
        #expect(rows[0] == ["id", "state", "lr", "width", "epochs", "error", "wall_time_s", "peak_rss_bytes"])
        #expect(rows.dropFirst().allSatisfy { $0[1] == "done" && $0[4] == "3" && Double($0[5])! < 0.7 })
    }

    /// `trainer: mlp` with a pruner: the trainer's epochs are step reports (stored: the
    /// report draws their curves), status and export show the pruner. (Whether it stops any
    /// depends on how fast these tiny trainings end: a decision after a trial's end comes too
    /// late. Pruning itself is tested with trials of a known pace, PrunedStudyTests.)
    @Test func trainerStudyWithAPruner() throws {
        let folder = try CLIRunner.temporaryFolder()
        try """
            trials: 12
            sampler: random
            seed: 2
            objectives: {error: minimize}
            trainer: mlp
            data: {csv: \(CLIRunner.example("wine.csv")), target: cultivar}
            pruner: {kind: median, startup_trials: 3, grace: 1}
            parameters:
              lr: {values: [0.00001, 0.01]}
              width: {value: 8}
              epochs: {value: 6}
            """.write(to: folder.appendingPathComponent("wine.yaml"), atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("w.sqlite").path, csv = folder.appendingPathComponent("w.csv").path
        let run = try CLIRunner.run(["study", "run", folder.appendingPathComponent("wine.yaml").path, "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try CLIRunner.run(["study", "export", store, "--csv", csv]).status == 0)
        let rows = try csvRows(csv)
        #expect(rows[0] == ["id", "state", "lr", "width", "epochs", "error", "wall_time_s", "peak_rss_bytes", "last_step"])
        let pruned = rows.dropFirst().filter { $0[1] == "pruned" }
        // A pruned trial keeps the step it was stopped at and that step's error; a done one has
        // no last step. (Which trials the median rule stops is tested against Optuna's,
        // PrunerTests: here a good learning rate may be stopped early by worse early epochs.)
        #expect(pruned.allSatisfy { Int($0[8]).map { (1...6).contains($0) } == true && Double($0[5]) != nil }, "\(rows)")
        #expect(rows.dropFirst().allSatisfy { $0[1] == "pruned" || ($0[1] == "done" && $0[8].isEmpty) })
        let status = try CLIRunner.run(["study", "status", store])
        #expect(status.stdout.contains("\(pruned.count) pruned, 0 running") && status.stdout.contains("pruner median (startup_trials 3, warmup_steps 0, grace 1) on error"), "\(status.stdout)")
        let report = folder.appendingPathComponent("r.html").path
        let analyze = try CLIRunner.run(["study", "analyze", store, "--report", report, "--stage", "all", "--permutations", "200", "--quiet"])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Learning curves") && html.contains("learning curves of error"))
        #expect(pruned.isEmpty || analyze.stdout.contains("pruned ranked below the completed") || analyze.stdout.contains("pruned left out"),
                "\(analyze.stdout)")
    }
}

@Suite struct StudyProgramTests {
    @Test func aMissingProgramStopsTheStudyBeforeAnythingRuns() throws {
        let folder = try CLIRunner.temporaryFolder()
        let spec = folder.appendingPathComponent("s.yaml"), store = folder.appendingPathComponent("s.sqlite").path
        try "trials: 3\nobjectives: {e: minimize}\ncommand: ./missing.sh {args}\nparameters:\n  a: {distribution: uniform, min: 0, max: 1}\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["study", "run", spec.path, "--store", store])
        #expect(run.status == 2)
        #expect(run.stderr == "slope: error: command: cannot find the program './missing.sh' (an executable file relative to \(folder.path), or a name on PATH)\n")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
