import Foundation
import Testing
@testable import SlopeCore

/// Numbers at the edges of the doubles (issue 26, item 5): an input whose range is subnormal
/// and an output near the largest double are measured as the same data on an ordinary scale
/// (HSIC with data-scaled kernels does not depend on the scale), not as constant or as noise.
@Suite struct ExtremeScaleTests {
    static func sample(inputScale: Double, outputScale: Double) -> HSICSample {
        var g = SeededGenerator(seed: 3)
        let x = (0..<60).map { _ in g.nextUnit() }, z = (0..<60).map { _ in g.nextUnit() }
        let y = zip(x, z).map { ($0 + 0.3 * $1) * outputScale }
        return HSICSample(source: "edge", outputName: "y", output: y,
                          inputs: [HSICInput(name: "x", kind: .continuous, values: .real(x.map { $0 * inputScale })),
                                   HSICInput(name: "z", kind: .continuous, values: .real(z))])
    }

    @Test(arguments: [(1e-310, 1.0), (1.0, 1.3e308), (1e-310, 1e-310), (1e200, 1e-200)])
    func extremeScalesMeasureAsOrdinaryOnes(inputScale: Double, outputScale: Double) throws {
        var options = HSICOptions()
        options.permutations = 99
        let ordinary = try HSICAnalysis.run(Self.sample(inputScale: 1, outputScale: 1), options: options)
        let edge = try HSICAnalysis.run(Self.sample(inputScale: inputScale, outputScale: outputScale), options: options)
        for (a, b) in zip(ordinary.indices, edge.indices) {
            let (ha, hb) = (try #require(a.hsic), try #require(b.hsic, "\(b.name): \(b.note ?? "")"))
            #expect(abs(ha - hb) <= 1e-9 * abs(ha), "\(a.name): \(ha) vs \(hb)")
            #expect(a.pPermutation == b.pPermutation)
        }
    }

    /// Ordinary columns are not touched (the same bits).
    @Test func ordinaryColumnsAreLeftAsTheyAre() {
        let values: [Double?] = [0.1, nil, 1e6, -3, 7.25]
        #expect(ExtremeScale.rescaled(values) == values)
        #expect(ExtremeScale.rescaled([1e-310, 2e-310]).compactMap { $0 }.allSatisfy { $0.isNormal || $0 == 0 })
    }
}
