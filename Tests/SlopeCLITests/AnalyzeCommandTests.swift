import Foundation
import Testing

/// `slope analyze` end to end, as a user runs it.
@Suite struct AnalyzeCommandTests {
    private func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func aTextColumnThatIsDroppedIsNotRead() throws {
        let folder = try CLIRunner.temporaryFolder()
        let input = folder.appendingPathComponent("ids.csv")
        try "id,a,b,y\nr1,1,5,0.5\nr2,2,3,0.1\nr3,3,4,0.9\nr4,4,1,0.3\n".write(to: input, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["analyze", input.path, "--drop", "id", "--epochs", "20", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" a ") && result.stdout.contains(" b ") && !result.stdout.contains("id"))
    }

    @Test(arguments: [("diabetes.csv", "progression", 10), ("wine.csv", "cultivar", 13)])
    func jsonHasEveryField(_ file: String, _ target: String, _ featureCount: Int) throws {
        let folder = try CLIRunner.temporaryFolder()
        let output = folder.appendingPathComponent("out.json")
        let result = try CLIRunner.run(["analyze", CLIRunner.example(file), "--target", target,
                                        "--epochs", "200", "--json", output.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("features agree"))
        let root = try json(output)
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == featureCount)
        for feature in features {
            #expect(feature["name"] is String)
            #expect(feature["agrees"] is Bool)
            let trend = try #require(feature["trend"] as? [String: Any])
            #expect(["increasing", "decreasing", "flat"].contains(trend["label"] as? String))
            #expect(trend["share_increasing"] is Double)
            #expect(trend["mean_rho"] is Double)
            #expect((trend["rho"] as? [Any])?.count == 10)
            #expect(trend["null_p"] is Double && trend["null_p_adjusted"] is Double && trend["beyond_chance"] is Bool)
            let spearman = try #require(feature["spearman"] as? [String: Any])
            #expect(spearman["rho"] is Double && spearman["p"] is Double)
            let pearson = try #require(feature["pearson"] as? [String: Any])
            #expect(pearson["r"] is Double && pearson["p"] is Double)
        }
        let agreement = try #require(root["agreement"] as? [String: Any])
        #expect(agreement["count"] is Int && agreement["of"] as? Int == featureCount)
        #expect(agreement["disagreeing"] is [String])
        #expect(agreement["expected_under_null"] is Double)
        let null = try #require(root["null"] as? [String: Any])
        #expect(null["trainings"] as? Int == 20 && null["beyond_chance"] is Int)
        let history = try #require(root["history"] as? [[String: Any]])
        #expect(history.count == 10)
        let parameters = try #require(history[0]["parameters"] as? [[String: Any]])
        #expect(parameters.count == featureCount + 1)
        #expect((parameters.last?["d3_tape"] as? [Double])?.count == 200)
    }

    @Test(arguments: ["3", "2", "-4"])
    func aNullThatIsNotAnEvenCountIsRefused(_ count: String) throws {
        let result = try CLIRunner.run(["analyze", CLIRunner.example("diabetes.csv"), "--null", count, "--quiet"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--null: must be 0 (no null) or an even number"), "\(result.stderr)")
    }

    @Test func withoutANullTheTableHasNoNullColumn() throws {
        let result = try CLIRunner.run(["analyze", CLIRunner.example("diabetes.csv"), "--epochs", "50", "--null", "0",
                                        "--reading", "relative", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("null p") && !result.stdout.contains("beyond chance"))
        #expect(result.stdout.contains("relative diag (slope's extension: share of curvature)"))
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        let folder = try CLIRunner.temporaryFolder()
        var outputs: [Data] = []
        for k in 0..<2 {
            let json = folder.appendingPathComponent("run\(k).json"), csv = folder.appendingPathComponent("run\(k).csv")
            let result = try CLIRunner.run(["analyze", CLIRunner.example("diabetes.csv"), "--epochs", "100",
                                            "--batch-size", "64", "--seed", "7", "--json", json.path,
                                            "--history-csv", csv.path])
            #expect(result.status == 0)
            outputs.append(try Data(contentsOf: json) + Data(contentsOf: csv))
        }
        #expect(outputs[0] == outputs[1])
        let other = folder.appendingPathComponent("other.json")
        _ = try CLIRunner.run(["analyze", CLIRunner.example("diabetes.csv"), "--epochs", "100",
                               "--batch-size", "64", "--seed", "8", "--json", other.path])
        #expect(try Data(contentsOf: other) != Data(contentsOf: folder.appendingPathComponent("run0.json")))
    }

    @Test func historyCSVIsLongFormAtFullPrecision() throws {
        let folder = try CLIRunner.temporaryFolder()
        let csv = folder.appendingPathComponent("h.csv"), json = folder.appendingPathComponent("h.json")
        let result = try CLIRunner.run(["analyze", CLIRunner.example("wine.csv"), "--epochs", "30", "--restarts", "2",
                                        "--history-csv", csv.path, "--json", json.path, "--no-history"])
        #expect(result.status == 0)
        let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == "restart,epoch,parameter,loss,weight,d1,d2,d3,d2_tape,d3_tape")
        #expect(lines.count == 1 + 2 * 30 * 14)
        let last = lines.last!.split(separator: ",")
        #expect(last[0] == "1" && last[1] == "29" && last[2] == "bias")
        #expect(try self.json(json)["history"] == nil)
    }

    @Test func initFileStartsFromTheGivenWeights() throws {
        let folder = try CLIRunner.temporaryFolder()
        let initFile = folder.appendingPathComponent("init.json"), out = folder.appendingPathComponent("o.json")
        let weights = (0..<13).map { Double($0) / 100 }
        try JSONSerialization.data(withJSONObject: ["weights": weights, "bias": 0.5]).write(to: initFile)
        let result = try CLIRunner.run(["analyze", CLIRunner.example("wine.csv"), "--init", initFile.path,
                                        "--restarts", "1", "--epochs", "5", "--json", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let history = try #require(try json(out)["history"] as? [[String: Any]])
        let parameters = try #require(history[0]["parameters"] as? [[String: Any]])
        #expect((parameters[3]["weight"] as? [Double])?.first == 0.03)
        #expect((parameters[13]["weight"] as? [Double])?.first == 0.5)
    }

    @Test func constantColumnIsReportedAndLeftOut() throws {
        let folder = try CLIRunner.temporaryFolder()
        let file = folder.appendingPathComponent("c.csv")
        try "a,k,b,y\n1,5,2,1\n2,5,1,3\n3,5,5,2\n4,5,3,5\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["analyze", file.path, "--epochs", "20", "--restarts", "2"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("column \"k\" is constant and is left out"))
        #expect(result.stdout.contains("of 2 features agree"))
    }
}
