import Foundation
import Testing

/// A small deterministic generator for test tables (Knuth's MMIX LCG, top 53 bits).
struct TestRandom {
    var state: UInt64
    mutating func unit() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) * 0x1.0p-53
    }
}

@Suite struct HSICCommandTests {
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// CSV rows as dictionaries of the header's names.
    static func records(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().filter { !$0.isEmpty }.map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// 300 columns of pure noise: without adjustment about 5 % of them read "significant at
    /// 0.05"; adjusted by Benjamini–Hochberg (the default) none does, and holm and
    /// none are there to choose.
    /// A memory limit beyond any machine is the machine's own limit, not an error.
    @Test func aHugeMemoryLimitIsTheMachines() throws {
        let result = try CLIRunner.run(["hsic", CLIRunner.example("ishigami.csv"), "--target", "y", "--memory", "1e300",
                                        "--permutations", "20", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func manyNoiseColumnsAreNotSignificantOnceAdjusted() throws {
        let folder = try CLIRunner.temporaryFolder()
        let path = folder.appendingPathComponent("noise.csv").path
        var state: UInt64 = 2026  // a fixed linear congruential stream: the same table every run
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let columns = 300, rows = 40
        var text = (0..<columns).map { "x\($0)" }.joined(separator: ",") + ",y\n"
        for _ in 0..<rows { text += (0...columns).map { _ in String(next()) }.joined(separator: ",") + "\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        func significant(_ adjust: String) throws -> Int {
            let result = try CLIRunner.run(["hsic", path, "--target", "y", "--permutations", "99", "--adjust", adjust, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("significant at alpha") })
            let names = line.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return names == "none" ? 0 : names.split(separator: ",").count
        }
        let raw = try significant("none")
        #expect(raw >= 5, "\(raw) of \(columns) noise columns significant unadjusted")
        #expect(try significant("bh") == 0 && significant("holm") == 0)
    }

    @Test func ishigamiRanksX1FirstAndWritesTheDocumentedCSV() throws {
        let folder = try CLIRunner.temporaryFolder()
        let csv = folder.appendingPathComponent("h.csv").path, json = folder.appendingPathComponent("h.json").path
        let args = ["hsic", CLIRunner.example("ishigami.csv"), "--target", "y", "--permutations", "200", "--quiet"]
        let result = try CLIRunner.run(args + ["--csv", csv, "--json", json])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.hasPrefix("input,hsic,r2_hsic,p_gamma,p_permutation,p_adjusted\nx1,"))
        #expect(try Self.records(csv).count == 3)
        #expect(result.stdout.contains("significant at alpha 0.05 (permutation p-value, 200 permutations, adjusted over the 3 inputs): x1, x3"))
        let decoded = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        #expect((decoded["indices"] as! [Any]).count == 3)
        let again = folder.appendingPathComponent("again.json").path
        _ = try CLIRunner.run(args + ["--json", again])
        #expect(try Data(contentsOf: URL(fileURLWithPath: json)) == Data(contentsOf: URL(fileURLWithPath: again)))
    }

    @Test func xorPairStandsOutWhileItsInputsAloneDoNot() throws {
        var g = TestRandom(state: 7)
        var text = "x1,x2,x3,y\n"
        for _ in 0..<300 {
            let (x1, x2, x3) = (g.unit(), g.unit(), g.unit())
            let good = x1 < 0.5 && ((x2 > 0.5) != (x3 > 0.5))
            text += "\(x1),\(x2),\(x3),\(good ? 0 : 1)\n"
        }
        let folder = try CLIRunner.temporaryFolder()
        let input = try Self.write(text, "xor.csv", in: folder)
        let pairs = folder.appendingPathComponent("pairs.csv").path, csv = folder.appendingPathComponent("h.csv").path
        let result = try CLIRunner.run(["hsic", input, "--target", "y", "--threshold", "0.5", "--pairs",
                                        "--permutations", "200", "--quiet", "--csv", csv, "--pairs-csv", pairs])
        #expect(result.status == 0, "\(result.stderr)")
        let single = Dictionary(uniqueKeysWithValues: try Self.records(csv).map { ($0["input"]!, Double($0["p_permutation"]!)!) })
        #expect(single["x1"]! <= 0.01)
        #expect(single["x2"]! > 0.05 && single["x3"]! > 0.05, "\(single)")
        let rows = try Self.records(pairs)
        let x23 = try #require(rows.first { $0["input_1"] == "x2" && $0["input_2"] == "x3" })
        #expect(Double(x23["p_permutation"]!)! <= 0.01)
        #expect(Double(x23["hsic"]!)! > 3 * Double(x23["marginal_sum"]!)!)
    }

    /// Trials of a made-up training: the error depends on lr (log scale) and the optimizer;
    /// momentum matters where it is active; width does not matter.
    static func trials() -> String {
        var g = TestRandom(state: 11)
        var text = "lr,optimizer,momentum,width,error\n"
        for _ in 0..<240 {
            let lr = pow(10, -4 + 4 * g.unit())
            let optimizer = ["sgd", "adam", "momentum"][Int(3 * g.unit())]
            let momentum = optimizer == "momentum" ? 0.99 * g.unit() : nil
            let width = 8 + Int(248 * g.unit())
            var error = pow(log10(lr) + 2, 2) / 4 + (optimizer == "adam" ? 0 : 0.5) + 0.05 * g.unit()
            if let momentum { error -= 0.5 * momentum }
            text += "\(lr),\(optimizer),\(momentum.map { "\($0)" } ?? ""),\(width),\(error)\n"
        }
        return text
    }

    @Test func categoricalLogAndConditionalInputs() throws {
        let folder = try CLIRunner.temporaryFolder()
        let input = try Self.write(Self.trials(), "trials.csv", in: folder)
        let csv = folder.appendingPathComponent("h.csv").path, json = folder.appendingPathComponent("h.json").path
        let result = try CLIRunner.run(["hsic", input, "--target", "error", "--log", "lr", "--goal", "0.2",
                                        "--permutations", "200", "--quiet", "--csv", csv, "--json", json])
        #expect(result.status == 0, "\(result.stderr)")
        let decoded = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        let indices = Dictionary(uniqueKeysWithValues: (decoded["indices"] as! [[String: Any]]).map { ($0["name"] as! String, $0) })
        #expect(indices["lr"]!["kind"] as? String == "log")
        #expect(indices["optimizer"]!["kind"] as? String == "categorical")
        #expect(indices["width"]!["kind"] as? String == "integer")
        let momentumRows = Self.trials().split(separator: "\n").dropFirst().filter { $0.contains(",momentum,") }.count
        #expect(indices["momentum"]!["rows"] as? Int == momentumRows)
        #expect((decoded["rows"] as? Int) == 240)
        let p = Dictionary(uniqueKeysWithValues: try Self.records(csv).map { ($0["input"]!, Double($0["p_permutation"]!)!) })
        #expect(p["lr"]! <= 0.01 && p["optimizer"]! <= 0.01 && p["momentum"]! <= 0.01, "\(p)")
        #expect(p["width"]! > 0.05, "\(p)")
    }

    @Test func subsampleMeasuresOnFewerRowsAndSaysSo() throws {
        let result = try CLIRunner.run(["hsic", CLIRunner.example("ishigami.csv"), "--subsample", "60",
                                        "--permutations", "20", "--quiet"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("bandwidth std), 60 rows"))
        #expect(result.stderr.contains("measuring on 60 of 200 rows"))
    }

    @Test func anInputWithoutValuesIsReportedNotACrash() throws {
        let folder = try CLIRunner.temporaryFolder()
        let input = try Self.write("a,b,y\n1,,2\n2,,3\n3,,1\n4,,5\n5,,4\n", "e.csv", in: folder)
        let result = try CLIRunner.run(["hsic", input, "--goal", "0.3", "--permutations", "10", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 active rows; at least 2 are needed"))
    }

    @Test func conditionalHSICHasNoGammaPValue() throws {
        let folder = try CLIRunner.temporaryFolder()
        let csv = folder.appendingPathComponent("h.csv").path
        let result = try CLIRunner.run(["hsic", CLIRunner.example("ishigami.csv"), "--conditional", "0.1",
                                        "--permutations", "50", "--quiet", "--csv", csv])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.records(csv).allSatisfy { $0["p_gamma"] == "" && $0["p_permutation"] != "" })
        #expect(result.stdout.hasPrefix("conditional HSIC of y given y <= "))
    }

    static let bad: [(content: String, extra: [String], message: String)] = [
        ("a,y\n1,2\n2,x\n3,4\n", [], "row 3, column 2 (y): \"x\" is not a number"),
        ("a,y\n1,2\n2,\n3,4\n", [], "1 cell is missing, the first at row 3, column 2 (y): an empty cell; leave those rows out with --missing drop"),
        ("a,y\n1,2\n-2,3\n3,4\n", ["--log", "a"], "row 3, column 1 (a): \"-2\" is not positive"),
        ("a,y\n1,2\n2,3\n3,4\n", ["--estimator", "U"], "3 rows to measure; the U-statistic needs at least 4"),
        ("a,y\n1,2\n2,3\n3,4\n", ["--goal", "1.5"], "--goal: must be in (0, 1)"),
        ("a,y\n1,NA\n2,NA\n", ["--missing", "drop"], "every one of the 2 rows has a missing value in a column used"),
        ("a,y\n1,2\n2,3\n3,4\n", ["--memory", "1e-9"], "--memory: 1e-09 GB holds the n × n matrices of 0 rows only; HSIC on 3 rows needs about"),
        ("a,y\n1,2\n2,3\n3,4\n", ["--goal", "0.1", "--conditional", "0.1"], "give one of --goal"),
        ("a,y\n1,2\n2,3\n3,4\n", ["--threshold", "-5"], "the goal set holds 0 of 3 rows"),
        ("a,y\n1,2\n2,2\n3,2\n", [], "the target column \"y\" is constant"),
        ("a,y\n1,2\n2,3\n3,4\n", ["--inputs", "b"], "no column named \"b\""),
        ("a,y\n1,2\n2,3\n3,4\n", ["--bandwidth=-1"], "must be std, median or a positive number"),
        ("a,y\n1,2\n2,3\n3,4\n", ["--pairs-csv", "p.csv"], "needs --pairs"),
    ]

    @Test(arguments: bad.indices)
    func badInputExitsTwoAndWritesNothing(_ k: Int) throws {
        let folder = try CLIRunner.temporaryFolder()
        let input = try Self.write(Self.bad[k].content, "in.csv", in: folder)
        let csv = folder.appendingPathComponent("h.csv").path
        let result = try CLIRunner.run(["hsic", input, "--csv", csv] + Self.bad[k].extra)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("slope: error: ") && result.stderr.contains(Self.bad[k].message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: csv))
    }

    @Test func analyzeFlagsANonMonotonicLinkThatSpearmanMisses() throws {
        var g = TestRandom(state: 3)
        var text = "x,z,y\n"
        for _ in 0..<300 {
            let (x, z) = (g.unit(), g.unit())
            text += "\(x),\(z),\((x - 0.5) * (x - 0.5) + 0.1 * z + 0.01 * g.unit())\n"
        }
        let input = try Self.write(text, "bowl.csv", in: try CLIRunner.temporaryFolder())
        let result = try CLIRunner.run(["analyze", input, "--epochs", "50", "--restarts", "2", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("R2-HSIC"))
        #expect(result.stdout.contains("a non-monotonic link: x\n"), "\(result.stdout)")
    }
}
