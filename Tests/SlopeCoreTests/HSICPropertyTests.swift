import Foundation
import Testing
@testable import SlopeCore

@Suite("HSIC laws: unbiasedness, uniform p-values under independence, goals")
struct HSICPropertyTests {
    /// `count` independent samples of an independent pair, measured with `options`.
    static func independentRuns(_ count: Int, n: Int, options: HSICOptions) throws -> [HSICIndex] {
        var g = SeededGenerator(seed: 2024)
        return try (0..<count).map { _ in
            let x = (0..<n).map { _ in g.nextUnit() }
            let y = (0..<n).map { _ in g.nextNormal() }
            let sample = HSICSample(source: "sim", outputName: "y", output: y,
                                    inputs: [HSICInput(name: "x", kind: .continuous, values: .real(x))])
            return try HSICAnalysis.run(sample, options: options).indices[0]
        }
    }

    static func meanAndStandardError(_ v: [Double]) -> (Double, Double) {
        let m = v.reduce(0, +) / Double(v.count)
        let variance = v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)
        return (m, (variance / Double(v.count)).squareRoot())
    }

    @Test("the U-statistic is unbiased under independence; the V-statistic is not")
    func unbiased() throws {
        var options = HSICOptions()
        options.permutations = 0
        options.estimator = .u
        let u = try Self.independentRuns(1000, n: 15, options: options).map { $0.hsic! }
        let (mu, seu) = Self.meanAndStandardError(u)
        #expect(abs(mu) <= 3 * seu, "mean \(mu), standard error \(seu)")
        options.estimator = .v
        let v = try Self.independentRuns(1000, n: 15, options: options).map { $0.hsic! }
        let (mv, sev) = Self.meanAndStandardError(v)
        #expect(mv > 10 * sev, "the V-statistic's positive bias must show: mean \(mv), se \(sev)")
    }

    @Test("permutation p-values of independent inputs are about uniform (Kolmogorov–Smirnov)")
    func uniformPValues() throws {
        var options = HSICOptions()
        options.permutations = 199
        let p = try Self.independentRuns(300, n: 30, options: options).map { $0.pPermutation! }.sorted()
        // D = sup |F_n(p) − p|; 1.63 / √m is the 1% critical value.
        let d = p.enumerated().map { i, x in max(Double(i + 1) / Double(p.count) - x, x - Double(i) / Double(p.count)) }.max()!
        #expect(d < 1.63 / Double(p.count).squareRoot(), "KS distance \(d)")
        #expect(p.allSatisfy { $0 >= 1.0 / 200 })
    }

    @Test("a dependent input gets the smallest permutation p-value, 1/(1+B), never 0")
    func dependent() throws {
        var g = SeededGenerator(seed: 5)
        let x = (0..<100).map { _ in g.nextUnit() }
        let y = x.map { ($0 - 0.5) * ($0 - 0.5) + 0.01 * g.nextNormal() }
        var options = HSICOptions()
        options.permutations = 99
        let sample = HSICSample(source: "sim", outputName: "y", output: y,
                                inputs: [HSICInput(name: "x", kind: .continuous, values: .real(x))])
        let index = try HSICAnalysis.run(sample, options: options).indices[0]
        #expect(index.pPermutation == 0.01)
        #expect(index.pGamma! < 1e-6)
    }

    @Test("goal thresholds: numpy's lower quantile, mirrored when maximising")
    func goals() {
        let y: [Double] = [5, 1, 4, 2, 3, 9, 7, 8, 6, 0]
        // ⌊0.25 · 9⌋ = 2: the third smallest (2) and the third largest (7).
        #expect(Goal(boundary: .quantile(0.25)).threshold(for: y) == 2)
        #expect(Goal(boundary: .quantile(0.25), direction: .maximize).threshold(for: y) == 7)
        #expect(Goal(boundary: .quantile(0.25)).weights(for: y).filter { $0 == 1 }.count == 3)
        let smooth = Goal(boundary: .threshold(2), smoothness: 1).weights(for: [2, 3])
        let sd = Bandwidth.std.scale(for: [2, 3])!
        #expect(smooth == [1, exp(-1 / sd)])
    }

    @Test("the same seed gives the same p-values and intervals; another seed does not")
    func seeded() throws {
        let sample = try HSICReference.sample()
        var options = HSICOptions()
        options.permutations = 50
        options.bootstrap = 20
        let a = try HSICAnalysis.run(sample, options: options).indices
        let b = try HSICAnalysis.run(sample, options: options).indices
        options.seed = 1
        let c = try HSICAnalysis.run(sample, options: options).indices
        #expect(a.map(\.pPermutation) == b.map(\.pPermutation))
        #expect(a.map(\.r2Interval) == b.map(\.r2Interval))
        #expect(a.map(\.r2Interval) != c.map(\.r2Interval))
        for index in a {
            let i = try #require(index.hsicInterval)
            #expect(i.lower <= index.hsic! && index.hsic! <= i.upper * 1.5, "\(index.name)")
        }
    }
}

@Suite("HSIC library use, as in the README")
struct HSICLibraryTests {
    @Test("toy trials: lr, optimizer and momentum matter for the best 20 %, width does not")
    func readmeExample() throws {
        let trials = try CSVReader().readMixed(path: Paths.exampleData("toy-trials.csv").path)
        var columns = ColumnSelection(target: "error")
        columns.log = ["lr"]
        var options = HSICOptions()
        options.measure = .target(Goal(boundary: .quantile(0.2)))
        options.permutations = 200
        let hsic = try HSICAnalysis.run(try HSICSample.make(table: trials, columns: columns).sample, options: options)
        #expect(Set(hsic.significant(at: 0.05)) == ["lr", "optimizer", "momentum"])
        #expect(hsic.indices.map(\.kind) == [.log, .categorical, .continuous, .integer])
        #expect(hsic.goalCount == 48)
    }
}
