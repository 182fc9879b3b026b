import Foundation
import SlopeCore
import Testing
@testable import SlopeStudy

@Suite struct SamplerTests {
    @Test(arguments: [1, 7, 50, 333])
    func latinHypercubeHitsEveryStratumOncePerDimension(_ n: Int) {
        let points = SamplerKind.lhs.points(n, dimension: 5, seed: 3)
        #expect(points.count == n)
        for j in 0..<5 {
            let strata = points.map { Int(($0[j] * Double(n)).rounded(.down)) }
            #expect(strata.sorted() == Array(0..<n), "dimension \(j)")
        }
    }

    /// The first eight points of dimensions 1-3 as Joe and Kuo (2008) and Bratley and Fox
    /// (1988) list them.
    @Test func sobolFirstPointsArePublished() {
        let points = SobolSequence(dimension: 3).points(8)
        #expect(points.map { $0[0] } == [0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125])
        #expect(points.map { $0[1] } == [0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625])
        #expect(points.map { $0[2] } == [0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375])
    }

    @Test func sobolMatchesSciPyIn64Dimensions() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sobol_scipy_256x64.csv")
        let reference = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",").map { Double($0)! } }
        #expect(reference.count == 256 && reference[0].count == SobolSequence.maximumDimension)
        #expect(SobolSequence(dimension: 64).points(256) == reference)
    }

    @Test func scramblingIsSeededAndKeepsTheNet() {
        let a = SobolSequence(dimension: 4, scrambleSeed: 9).points(64)
        #expect(a == SobolSequence(dimension: 4, scrambleSeed: 9).points(64))
        #expect(a != SobolSequence(dimension: 4, scrambleSeed: 10).points(64))
        #expect(a != SobolSequence(dimension: 4).points(64))
        // A linear scramble and digital shift keep the (0, m, s)-net in one dimension: 64 points,
        // one in each interval [k/64, (k+1)/64).
        for j in 0..<4 { #expect(Set(a.map { Int($0[j] * 64) }).count == 64) }
        #expect(a.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 < 1 } })
    }

    @Test func samplersAreSeeded() {
        for kind in SamplerKind.allCases {
            #expect(kind.points(20, dimension: 3, seed: 5) == kind.points(20, dimension: 3, seed: 5))
            #expect(kind.points(20, dimension: 3, seed: 5) != kind.points(20, dimension: 3, seed: 6))
        }
    }

    /// Kolmogorov–Smirnov: log(lr) of 2000 random draws against the uniform law on
    /// [log min, log max], at the 1% level (critical value 1.628 / √n).
    @Test(arguments: SamplerKind.allCases)
    func logUniformIsUniformInLogSpace(_ kind: SamplerKind) {
        let n = 2000, lo = 1e-4, hi = 1.0
        let domain = Domain.logUniform(min: lo, max: hi)
        let logs = kind.points(n, dimension: 1, seed: 17).map { u -> Double in
            guard case let .real(x) = domain.value(at: u[0]) else { return .nan }
            return (log(x) - log(lo)) / (log(hi) - log(lo))
        }.sorted()
        let d = logs.enumerated().map { i, x in max(Double(i + 1) / Double(n) - x, x - Double(i) / Double(n)) }.max()!
        #expect(d < 1.628 / Double(n).squareRoot(), "D = \(d)")
        // The same test rejects the raw values, which are far from uniform on [0, 1].
        let raw = logs.map { exp($0 * (log(hi) - log(lo)) + log(lo)) }.sorted()
        let dRaw = raw.enumerated().map { i, x in max(Double(i + 1) / Double(n) - x, x - Double(i) / Double(n)) }.max()!
        #expect(dRaw > 1.628 / Double(n).squareRoot())
    }

    @Test func domainsMapTheUnitInterval() {
        #expect(Domain.intUniform(min: 8, max: 11).value(at: 0) == .integer(8))
        #expect(Domain.intUniform(min: 8, max: 11).value(at: 0.999999) == .integer(11))
        let counts = (0..<400).map { Domain.intUniform(min: 1, max: 4).value(at: (Double($0) + 0.5) / 400) }
        #expect(Dictionary(grouping: counts, by: { $0 }).values.map(\.count) == [100, 100, 100, 100])
        #expect(Domain.quantized(min: 0.1, max: 1, q: 0.25).value(at: 0) == .real(0.25))
        #expect(Domain.quantized(min: 0.1, max: 1, q: 0.25).value(at: 0.99) == .real(1))
        #expect(Domain.values([.text("a"), .text("b")]).value(at: 0.49) == .text("a"))
        #expect(Domain.values([.text("a"), .text("b")]).value(at: 0.5) == .text("b"))
        guard case let .real(mid) = Domain.logUniform(min: 0.01, max: 1).value(at: 0.5) else { Issue.record(); return }
        #expect(abs(mid - 0.1) < 1e-15)
    }

    @Test func conditionalParametersAreAbsentWhenInactive() throws {
        let spec = try parse(toySpec)
        let plan = spec.plan()
        #expect(plan.count == 30 && plan.map(\.id) == Array(1...30))
        for trial in plan {
            let names = trial.parameters.entries.map(\.name)
            let optimizer = try #require(trial.parameters["optimizer"])
            #expect(names.contains("momentum") == (optimizer == .text("momentum")))
            #expect(!trial.parameters.json.contains("momentum\":") || optimizer == .text("momentum"))
        }
        #expect(plan.contains { $0.parameters.entries.count == 4 } && plan.contains { $0.parameters.entries.count == 3 })
    }

    @Test func nestedConditionsFollowTheirParent() throws {
        let space = try ParameterSpace(parameters: [
            Parameter(name: "c", domain: .uniform(min: 0, max: 1), when: [Condition(parameter: "b", values: [.text("on")])]),
            Parameter(name: "a", domain: .values([.text("x"), .text("y")])),
            Parameter(name: "b", domain: .values([.text("on"), .text("off")]), when: [Condition(parameter: "a", values: [.text("x")])]),
        ])
        #expect(space.values(at: [0.5, 0.1, 0.1]).map(\.name) == ["c", "a", "b"])
        #expect(space.values(at: [0.5, 0.1, 0.9]).map(\.name) == ["a", "b"])
        #expect(space.values(at: [0.5, 0.9, 0.1]).map(\.name) == ["a"])
    }

    @Test func planIsAFunctionOfTheSpec() throws {
        let a = try parse(toySpec).plan(), b = try parse(toySpec).plan()
        #expect(a.map(\.parameters) == b.map(\.parameters) && a.map(\.seed) == b.map(\.seed))
        let other = try parse(toySpec.replacingOccurrences(of: "seed: 11", with: "seed: 12")).plan()
        #expect(a.map(\.parameters) != other.map(\.parameters))
    }
}
