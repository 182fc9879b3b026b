import Foundation
import Testing
@testable import SlopeCore

/// Goal-level evidence (docs/method.md, "Goal-level evidence") against the dense engine and
/// against the matrix forms of its statistics.
@Suite struct GoalEvidenceTests {
    /// Every kind of input: real, log, integer with few values, levels, a boolean, a
    /// conditional real (inactive on a third of the rows) and a constant one; the objective
    /// has ties and depends on lr, layers and act.
    static func sample(rows n: Int = 120, seed: UInt64 = 3) -> HSICSample {
        var g = SeededGenerator(seed: seed)
        var lr: [Double?] = [], layers: [Double?] = [], act: [String?] = [], flag: [String?] = []
        var dummy: [Double?] = [], momentum: [Double?] = [], constant: [Double?] = [], y: [Double] = []
        for _ in 0..<n {
            let l = log(1e-4) + g.nextUnit() * log(1e3), depth = Double(1 + g.nextInt(below: 6))
            let a = ["relu", "tanh", "gelu"][g.nextInt(below: 3)]
            lr.append(l); layers.append(depth); act.append(a); flag.append(g.nextUnit() < 0.5 ? "true" : "false")
            dummy.append(g.nextUnit())
            momentum.append(g.nextInt(below: 3) == 0 ? nil : g.nextUnit())
            constant.append(2)
            let value = pow(l / log(10) + 2.5, 2) / 4 + 0.1 * abs(depth - 3) + (a == "tanh" ? 0.3 : 0) + 0.05 * g.nextNormal()
            y.append((value * 20).rounded() / 20)  // ties
        }
        return HSICSample(source: "test", outputName: "error", output: y, inputs: [
            HSICInput(name: "lr", kind: .log, values: .real(lr)),
            .numbers(name: "layers", values: layers),
            .levels(name: "act", labels: act),
            .levels(name: "flag", labels: flag),
            .numbers(name: "dummy", values: dummy),
            .numbers(name: "momentum", values: momentum),
            .numbers(name: "constant", values: constant),
        ])
    }

    static func settings(_ components: [EvidenceComponent], permutations: Int = 300, bootstrap: Int = 0) -> GoalEvidence.Settings {
        GoalEvidence.Settings(components: components, permutations: permutations, bootstrap: bootstrap, seed: 11)
    }

    static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= tolerance * max(1e-12, abs(a), abs(b))
    }

    /// At one goal level the factored engine computes what the dense one does: the same HSIC,
    /// R2-HSIC, gamma p-value and intervals (to the factor's 1e-12), and the same permutation
    /// p-values from the same permutations.
    @Test(arguments: [Direction.minimize, .maximize])
    func oneGoalLevelIsTheDenseTargetHSIC(direction: Direction) throws {
        let sample = Self.sample()
        var options = HSICOptions()
        options.measure = .target(Goal(boundary: .quantile(0.2), direction: direction))
        options.permutations = 300
        options.bootstrap = 40
        options.seed = 11
        let dense = try HSICAnalysis.run(sample, options: options)
        let evidence = GoalEvidence.measure(sample, direction: direction,
                                            settings: Self.settings([.goal(0.2)], bootstrap: 40), progress: nil)
        #expect(evidence.thresholds[0] == dense.goalThreshold && evidence.goalCounts[0] == dense.goalCount)
        for (d, e) in zip(dense.indices, evidence.parameters) {
            #expect(d.name == e.name && d.rows == e.rows)
            #expect((d.note == nil) == (e.note == nil), "\(d.name): \(String(describing: d.note)) / \(String(describing: e.note))")
            guard d.note == nil else { continue }
            let c = e.components[0]
            #expect(Self.close(d.hsic, c.hsic), "\(d.name) hsic \(d.hsic!) \(c.hsic!)")
            #expect(Self.close(d.r2HSIC, c.r2HSIC), "\(d.name) r2")
            #expect(Self.close(d.pGamma, c.pGamma, 1e-7), "\(d.name) gamma \(String(describing: d.pGamma)) \(String(describing: c.pGamma))")
            #expect(d.pPermutation == c.pPermutation && c.pPermutation == e.pCombined, "\(d.name) perm")
            #expect(Self.close(d.r2Interval?.lower, e.r2Interval?.lower) && Self.close(d.r2Interval?.upper, e.r2Interval?.upper))
            #expect(Self.close(d.hsicInterval?.lower, e.hsicInterval?.lower) && Self.close(d.hsicInterval?.upper, e.hsicInterval?.upper))
        }
        #expect(evidence.parameters.last?.note == "constant on its rows")
    }

    /// The ranked component is HSIC_V of the input's kernel against the output kernel
    /// (1/|C|) Σ_k Lk / (2 p_k (1 − p_k)), Lk the Kronecker kernel on the best k rows, built
    /// here as a matrix; its R2-HSIC likewise.
    @Test func rankedComponentIsAKernelOnTheRanks() throws {
        let sample = Self.sample(rows: 40, seed: 5)
        let evidence = GoalEvidence.measure(sample, direction: .minimize, settings: Self.settings([.ranked], permutations: 0),
                                            progress: nil)
        let y = sample.output, n = y.count
        let levels = Set(y).sorted().dropLast()  // goal sets {y <= t} for every value but the worst
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for t in levels {
            let z = y.map { $0 <= t }
            let p = Double(z.filter { $0 }.count) / Double(n)
            for i in 0..<n { for j in 0..<n where z[i] == z[j] { l[i][j] += 1 / (2 * p * (1 - p) * Double(levels.count)) } }
        }
        for (input, e) in zip(sample.inputs, evidence.parameters) where e.note == nil {
            let rows = input.activeRows
            guard rows.count == n else { continue }
            let k = NaiveHSIC.matrix(try #require(input.gram(rows: rows, kernels: KernelChoice())))
            let hsic = NaiveHSIC.v(k, l)
            #expect(Self.close(e.components[0].hsic, hsic), "\(input.name): \(e.components[0].hsic!) vs \(hsic)")
            let r2 = hsic / (NaiveHSIC.v(k, k) * NaiveHSIC.v(l, l)).squareRoot()
            #expect(Self.close(e.components[0].r2HSIC, r2), "\(input.name) r2")
        }
    }

    /// The combination is exact: with the objective independent of the input, the combined
    /// p-value of the input is uniform on {1, …, B + 1}/(B + 1). 2000 null tables (40 rows,
    /// a real and a categorical input, 99 permutations): the rejection counts at 0.05 and 0.01
    /// must lie inside the binomial's 99.99% range (a fixed seed: the test is deterministic;
    /// the range is wide enough that a valid test fails it once in 10⁴ seeds).
    @Test func combinedPValueIsCalibratedUnderTheNull() throws {
        var g = SeededGenerator(seed: 2026)
        let tables = 2000
        var counts = [0.05: 0, 0.01: 0]
        var categorical = [0.05: 0, 0.01: 0]
        for t in 0..<tables {
            let n = 40
            let x = (0..<n).map { _ -> Double? in g.nextUnit() }
            let levels = (0..<n).map { _ -> String? in ["a", "b", "c"][g.nextInt(below: 3)] }
            // Ties and a skew, as real objectives have.
            let y = (0..<n).map { _ in (exp(g.nextNormal()) * 4).rounded() }
            let sample = HSICSample(source: "null", outputName: "y", output: y,
                                    inputs: [.numbers(name: "x", values: x), .levels(name: "c", labels: levels)])
            var settings = Self.settings([.goal(0.1), .goal(0.25), .goal(0.5), .ranked], permutations: 99)
            settings.seed = UInt64(t)
            let evidence = GoalEvidence.measure(sample, direction: .minimize, settings: settings, progress: nil)
            let (px, pc) = (try #require(evidence.parameters[0].pCombined), try #require(evidence.parameters[1].pCombined))
            for alpha in [0.05, 0.01] {
                if px <= alpha { counts[alpha]! += 1 }
                if pc <= alpha { categorical[alpha]! += 1 }
            }
        }
        // P(p ≤ 0.05) = 5/100 and P(p ≤ 0.01) = 1/100 exactly with 99 permutations.
        for (input, rejections) in [("real", counts), ("categorical", categorical)] {
            for (level, observed) in rejections {
                let mean = Double(tables) * level, sd = (mean * (1 - level)).squareRoot()
                #expect(abs(Double(observed) - mean) <= 3.9 * sd,
                        "\(input) input, alpha \(level): \(observed) of \(tables), expected \(mean) ± \(3.9 * sd)")
            }
        }
    }

    /// One component: the combined p-value is that component's; several: a component that
    /// carries the evidence is named, and a real effect is found at several levels.
    @Test func combinationNamesItsCarrier() throws {
        let sample = Self.sample(rows: 200)
        let evidence = GoalEvidence.measure(sample, direction: .minimize,
                                            settings: Self.settings([.goal(0.1), .goal(0.25), .goal(0.5), .ranked]), progress: nil)
        let lr = evidence.parameters[0]
        #expect(lr.pCombined! <= 0.01 && lr.carrier != nil)
        #expect(Set(evidence.ranked.prefix(2).map(\.name)) == ["lr", "act"], "\(evidence.ranked.map(\.name))")
        let dummy = evidence.parameters[4]
        #expect(dummy.pCombined! > 0.05, "\(dummy.pCombined!)")
        let significant = Set(evidence.significant(at: 0.05))
        #expect(significant.isSuperset(of: ["lr", "act"]) && !significant.contains("dummy"), "\(significant)")
    }

    /// Same seed, same bits; the thread count cannot change them (each input is measured on
    /// one thread, the permutations drawn in order from one stream).
    @Test func reproducible() {
        let sample = Self.sample()
        let settings = Self.settings([.goal(0.1), .ranked], bootstrap: 10)
        let a = GoalEvidence.measure(sample, direction: .minimize, settings: settings, progress: nil)
        let b = GoalEvidence.measure(sample, direction: .minimize, settings: settings, progress: nil)
        for (x, y) in zip(a.parameters, b.parameters) {
            #expect(x.pCombined == y.pCombined && x.score == y.score && x.r2Interval == y.r2Interval)
            #expect(zip(x.components, y.components).allSatisfy { $0.hsic == $1.hsic && $0.pPermutation == $1.pPermutation })
        }
    }

    /// A component at p = 1 (its observed statistic the smallest of all rows) does not cancel
    /// two components at the floor: the combination is truncated at ½. Untruncated, tan(−π/2)
    /// would make the combined p-value about 1.
    @Test func aComponentAtPOneDoesNotCancelTheOthers() {
        let b = 199
        var statistics = [[5.0, 1000, 1000]]
        for k in 0..<b { statistics.append([10 + Double(k), Double(k), Double(k)]) }
        let combined = PermutationCombination.combine(statistics)
        #expect(combined.p[0] == 1 && combined.p[1] == 1.0 / 200 && combined.p[2] == 1.0 / 200)
        #expect(combined.combined! <= 2.0 / 200, "\(combined.combined!)")
    }
}
