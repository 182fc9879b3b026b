import Foundation
import Testing

/// `sampler: tpe` end to end: real processes, proposals made when trials are claimed.
@Suite struct TPEStudyTests {
    /// A study of `trials` trials of a smooth function of lr (log scale) and width, minimum 0
    /// at lr = 10^-2.5, width = 200, with a conditional parameter that does not matter.
    static func folder(trials: Int, name: String = "tpe") throws -> (folder: URL, spec: String) {
        let folder = try CLIRunner.temporaryFolder()
        try CLIRunner.writeScript("""
            #!/bin/sh
            lr=${1#--lr=}; width=${2#--width=}
            awk -v lr="$lr" -v w="$width" 'BEGIN { e = (log(lr)/log(10) + 2.5)^2 / 4 + ((w - 200) / 300)^2; printf "{\\"error\\": %.17g}\\n", e }'
            """, to: folder.appendingPathComponent("trial.sh").path)
        let spec = folder.appendingPathComponent("s.yaml")
        try """
            name: \(name)
            trials: \(trials)
            seed: 4
            sampler: tpe
            tpe: {startup: 8}
            objectives: {error: minimize}
            command: ./trial.sh {args}
            parameters:
              lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
              width: {distribution: int_uniform, min: 8, max: 512}
              optimizer: {values: [sgd, momentum]}
              momentum: {distribution: uniform, min: 0.0, max: 0.99, when: {optimizer: momentum}}
            """.write(to: spec, atomically: true, encoding: .utf8)
        return (folder, spec.path)
    }

    /// Every trial done once, the start a Latin hypercube, the rest placed by TPE (or drawn
    /// from the prior while fewer than `startup` trials had finished), parameters valid.
    static func checkTrials(_ trials: [[String: Any]], count: Int) {
        #expect(trials.count == count && trials.allSatisfy { $0["state"] as? String == "done" && $0["attempts"] as? Int == 1 })
        let placed = trials.map { $0["placed_by"] as? String ?? "?" }
        #expect(placed.prefix(8).allSatisfy { $0 == "lhs" }, "\(placed)")
        #expect(placed.dropFirst(8).allSatisfy { $0 == "tpe" || $0 == "prior" }, "\(placed)")
        #expect(placed.filter { $0 == "tpe" }.count >= count / 2, "\(placed)")
        for t in trials {
            let p = t["parameters"] as? [String: Any] ?? [:]
            let lr = p["lr"] as? Double ?? -1, width = p["width"] as? Int ?? -1
            #expect(lr >= 1e-4 && lr <= 1 && (8...512).contains(width), "\(p)")
            #expect((p["momentum"] != nil) == (p["optimizer"] as? String == "momentum"), "\(p)")
        }
    }

    @Test func aTPEStudyRunsWithTwoJobs() throws {
        let (folder, spec) = try Self.folder(trials: 30)
        let store = folder.appendingPathComponent("s.sqlite").path
        let run = try CLIRunner.run(["study", "run", spec, "--store", store, "--jobs", "2", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = folder.appendingPathComponent("t.json").path
        let export = try CLIRunner.run(["study", "export", store, "--json", json, "--quiet"])
        try #require(export.status == 0, "\(export.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let trials = try #require(object?["trials"] as? [[String: Any]])
        Self.checkTrials(trials, count: 30)
        // TPE's trials concentrate where the error is low: their median beats the start's.
        let errors = trials.compactMap { ($0["metrics"] as? [String: Any])?["error"] as? Double }
        func median(_ x: ArraySlice<Double>) -> Double { let s = x.sorted(); return s[s.count / 2] }
        #expect(median(errors.dropFirst(8)) < median(errors.prefix(8)) / 2, "\(errors)")
    }

    /// Three jobs on a staged study: the refine stage waits for the explore stage, its
    /// decision is shown by `status` with its p-values, and the refine trials keep to it.
    @Test func aStagedStudyShowsItsDecision() throws {
        let (folder, spec) = try Self.folder(trials: 1)
        let text = try String(contentsOfFile: spec, encoding: .utf8)
            .replacingOccurrences(of: "trials: 1\n", with: "")
            .replacingOccurrences(of: "sampler: tpe\ntpe: {startup: 8}\n", with: """
                stages:
                  - {name: explore, trials: 40, sampler: sobol}
                  - {name: refine, trials: 20, sampler: tpe, reduce: {alpha: 0.05}}

                """)
        try text.write(toFile: spec, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("s.sqlite").path
        let run = try CLIRunner.run(["study", "run", spec, "--store", store, "--jobs", "3", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let status = try CLIRunner.run(["study", "status", store])
        #expect(status.status == 0)
        let lines = status.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("stage explore (sobol): 40 trials: 40 done, 0 failed, 0 running, 0 pending"), "\(status.stdout)")
        #expect(lines.contains("stage refine (tpe): 20 trials: 20 done, 0 failed, 0 running, 0 pending"), "\(status.stdout)")
        #expect(lines.contains("  reduce on error, 40 trials screened, goal 0.231, alpha 0.05:"), "\(status.stdout)")
        #expect(lines.contains { $0.hasPrefix("    lr: kept (p ") } && lines.contains { $0.hasPrefix("    width: kept (p ") }, "\(status.stdout)")
        #expect(lines.contains { $0.hasPrefix("    optimizer: fixed at ") }, "\(status.stdout)")

        // The analysis reads the explore stage (drawn from the prior) unless told otherwise.
        let analysis = try CLIRunner.run(["study", "analyze", store, "--permutations", "100", "--bootstrap", "0", "--quiet"])
        #expect(analysis.status == 0 && analysis.stdout.hasPrefix("\(store): 40 trials"), "\(analysis.stdout.prefix(300))")
        #expect(analysis.stdout.contains("read 40 of 60 trials, those drawn from the prior"))
        #expect(analysis.stdout.contains("stage refine (reduce on error, 40 trials screened, goal 0.231, alpha 0.05): kept lr (p "), "\(analysis.stdout.prefix(600))")
        let json = folder.appendingPathComponent("t.json").path
        #expect(try CLIRunner.run(["study", "export", store, "--json", json, "--quiet"]).status == 0)
        let exported = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let decisions = exported?["stage_decisions"] as? [[String: Any]] ?? []
        #expect(decisions.count == 1 && decisions.first?["stage"] as? Int == 1 && (decisions.first?["choices"] as? [Any])?.count == 4)
        // The analysis's JSON carries the same as values: which trials, what the stage decided.
        func analysed(_ extra: [String]) throws -> [String: Any]? {
            let path = folder.appendingPathComponent("a.json").path
            let run = try CLIRunner.run(["study", "analyze", store, "--permutations", "100", "--bootstrap", "0", "--quiet", "--json", path] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        }
        let prior = try analysed([])
        let counts = prior?["trials_read"] as? [String: Any]
        #expect(counts?["rule"] as? String == "from_prior" && counts?["stage"] is NSNull && counts?["read"] as? Int == 40
                && counts?["of"] as? Int == 60 && counts?["not_from_prior"] as? Int == 0, "\(String(describing: counts))")
        #expect((prior?["trial_selection"] as? String)?.hasPrefix("read 40 of 60 trials, those drawn from the prior") == true)
        let reductions = prior?["stage_reductions"] as? [[String: Any]] ?? []
        let choices = reductions.first?["choices"] as? [[String: Any]] ?? []
        #expect(reductions.count == 1 && reductions.first?["stage"] as? Int == 1 && reductions.first?["stage_name"] as? String == "refine"
                && reductions.first?["trials"] as? Int == 40 && choices.count == 4)
        #expect(choices.contains { $0["parameter"] as? String == "optimizer" && $0["fixed"] is String }, "\(choices)")
        #expect((prior?["stage_decisions"] as? [String])?.first?.hasPrefix("stage refine (reduce on error, 40 trials screened") == true)
        let staged = try analysed(["--stage", "refine"])?["trials_read"] as? [String: Any]
        #expect(staged?["rule"] as? String == "stage" && staged?["stage"] as? String == "refine" && staged?["read"] as? Int == 20
                && staged?["not_from_prior"] as? Int == 20, "\(String(describing: staged))")
        let refine = try CLIRunner.run(["study", "analyze", store, "--stage", "refine", "--permutations", "100", "--bootstrap", "0", "--quiet"])
        #expect(refine.status == 0 && refine.stdout.hasPrefix("\(store): 20 trials") && refine.stdout.contains("the p-values are optimistic"))
        let all = try CLIRunner.run(["study", "analyze", store, "--stage", "all", "--permutations", "100", "--bootstrap", "0", "--quiet"])
        #expect(all.status == 0 && all.stdout.hasPrefix("\(store): 60 trials"))
        let wrong = try CLIRunner.run(["study", "analyze", store, "--stage", "nope", "--quiet"])
        #expect(wrong.status == 2 && wrong.stderr == "slope: error: --stage: no stage \"nope\" (stages: explore, refine, or all)\n", "\(wrong.stderr)")
    }
}
