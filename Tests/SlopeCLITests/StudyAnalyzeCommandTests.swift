import Foundation
import Testing

/// `slope study analyze` and `slope study import` end to end.
@Suite struct StudyAnalyzeCommandTests {
    static let optuna = CLIRunner.root.appendingPathComponent("Tests/SlopeStudyTests/Fixtures/optuna.db").path

    @Test func aCSVOfTrialsGivesTheRankingAndItsFiles() throws {
        let folder = try CLIRunner.temporaryFolder()
        let csv = folder.appendingPathComponent("h.csv"), pairs = folder.appendingPathComponent("p.csv")
        let json = folder.appendingPathComponent("a.json"), report = folder.appendingPathComponent("r.html")
        let result = try CLIRunner.run(["study", "analyze", CLIRunner.example("toy-trials.csv"), "--objective", "error",
                                        "--log", "lr", "--goal", "0.2", "--pairs", "--permutations", "200", "--bootstrap", "20",
                                        "--csv", csv.path, "--pairs-csv", pairs.path, "--json", json.path, "--report", report.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ranking by evidence") && result.stdout.contains("summary:"))
        let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "objective,parameter,component,hsic,r2_hsic,p_gamma,p_permutation,p_combined,p_adjusted")
        #expect(lines.count > 2 && lines.dropFirst().allSatisfy { $0.hasPrefix("error,") })
        #expect(try String(contentsOf: pairs, encoding: .utf8).hasPrefix("objective,parameter_1,parameter_2,hsic,r2_hsic,p_gamma,p_permutation,interaction_hsic,interaction_r2_hsic,interaction_p_gamma,interaction_p_permutation,interaction_p_adjusted\nerror,"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        #expect((root["objectives"] as? [Any])?.count == 1 && root["summary"] is [String])
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("<svg") && !html.contains("<script"))
        for id in ["shares", "pairs", "parallel", "scatter", "table"] { #expect(html.contains("id=\"\(id)\"")) }
    }

    @Test func anOptunaStudyIsAnalysedDirectlyAndImported() throws {
        let reportFolder = try CLIRunner.temporaryFolder()
        let report = reportFolder.appendingPathComponent("r.html")
        let direct = try CLIRunner.run(["study", "analyze", Self.optuna, "--study", "toy", "--permutations", "100", "--bootstrap", "0",
                                        "--report", report.path, "--quiet"])
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(direct.stdout.contains("== wall_time_s"))
        // Optuna's pruned trials (last reports 4.19, 2.06 and 1.58; the completed trials' median
        // is 2.55): two reach the loosest goal set and are left out, one ranks below the completed.
        #expect(direct.stdout.contains("== value (minimize; 28 trials, 4 without a value, 1 pruned ranked below the completed, 2 pruned left out"), "\(direct.stdout)")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("value: 1 pruned trial ranked below the completed ones, 2 left out"))
        // Optuna's intermediate values are the trials' learning curves (one report each here).
        #expect(html.contains("Learning curves"))

        let folder = try CLIRunner.temporaryFolder()
        let store = folder.appendingPathComponent("toy.sqlite").path
        let imported = try CLIRunner.run(["study", "import", Self.optuna, "--study", "toy", "--store", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("30 trials") && imported.stdout.contains("; 26 with learning curves (intermediate values))"), "\(imported.stdout)")
        let again = try CLIRunner.run(["study", "import", Self.optuna, "--study", "toy", "--store", store])
        #expect(again.status == 2 && again.stderr.contains("already exists"))
        let status = try CLIRunner.run(["study", "status", store, "--quiet"])
        #expect(status.stdout.contains("30 trials") && status.stdout.contains("failed"))
        let analysed = try CLIRunner.run(["study", "analyze", store, "--permutations", "100", "--bootstrap", "0", "--quiet"])
        #expect(analysed.status == 0, "\(analysed.stderr)")
        // The store and the Optuna file hold the same trials, Optuna's pruned ones as pruned
        // with their last report and step: the same readings of both objectives.
        func section(_ text: String, _ k: Int) -> Substring { text.split(separator: "==")[safe: k] ?? "" }
        #expect(section(analysed.stdout, 4).contains("lr") && section(analysed.stdout, 4) == section(direct.stdout, 4))
        #expect(section(analysed.stdout, 2) == section(direct.stdout, 2))
        #expect(analysed.stdout.contains("== value (minimize; 28 trials, 4 without a value, 1 pruned ranked below the completed, 2 pruned left out (their last report reached the goal)) =="), "\(analysed.stdout)")
        #expect(analysed.stdout.contains("== wall_time_s (minimize; 27 trials, 3 pruned not read (no value of their own)) =="))
    }

    @Test(arguments: [
        (["study", "analyze", "/no/such.db"], "no such file"),
        (["study", "analyze", "OPTUNA", "--study", "nope"], "no Optuna study named \"nope\"; the storage holds \"toy\", \"multi\""),
        (["study", "analyze", "OPTUNA"], "choose one with --study"),
        (["study", "analyze", "TOY"], "--objective: name the objective columns"),
        (["study", "analyze", "TOY", "--objective", "nope"], "no column named \"nope\""),
        (["study", "analyze", "TOY", "--objective", "error", "--goal", "1.5"], "--goal"),
        (["study", "analyze", "TOY", "--objective", "error", "--permutations", "100000000"], "--permutations: 100000000 permutations of 4 hyperparameters need about 32 GB; at most"),
        (["study", "analyze", "TOY", "--objective", "error", "--bootstrap", "100000000"], "--bootstrap: 100000000 resamples of 4 hyperparameters need about 12.8 GB; at most"),
        (["study", "analyze", "TOY", "--objective", "error", "--permutations", "0"], "--permutations: must be 1 or more to combine several goal levels"),
        (["study", "analyze", "OPTUNA", "--study", "toy", "--maximize", "nosuch"], "--maximize: \"nosuch\" is not an objective analysed (value, wall_time_s)"),
        (["study", "analyze", "OPTUNA", "--study", "toy", "--maximize", "value"], "--maximize: the study's spec minimises \"value\""),
        (["study", "analyze", "OPTUNA", "--study", "toy", "--ignore", "x"], "--ignore: \"x\": a study's hyperparameters and objectives come from its spec"),
        (["study", "analyze", "OPTUNA", "--study", "toy", "--objective", "accuracy"], "no trial recorded an objective \"accuracy\""),
        (["study", "analyze", "TOY", "--objective", "error", "--pairs-csv", "x.csv"], "needs --pairs"),
    ])
    func badInputIsOneLineAndExitTwo(_ arguments: [String], _ message: String) throws {
        let args = arguments.map { $0 == "OPTUNA" ? Self.optuna : $0 == "TOY" ? CLIRunner.example("toy-trials.csv") : $0 }
        let result = try CLIRunner.run(args)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}

private extension Array {
    subscript(safe k: Int) -> Element? { indices.contains(k) ? self[k] : nil }
}
