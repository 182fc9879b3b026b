import Foundation
import Testing
@testable import SlopeCore

/// The streamed baseline against the Gram-matrix engine: the same HSIC, R2-HSIC and gamma
/// p-value, to rounding, on inputs with ties, a constant one and a near-constant one (whose
/// HSIC, a small difference of sums of order 1, agrees to ~1e-16 absolute, not relative).
@Suite struct StreamedHSICTests {
    @Test(arguments: [7, 60, 301])
    func theSameIndicesAsTheEngine(_ n: Int) throws {
        var g = SeededGenerator(seed: UInt64(n))
        let y = (0..<n).map { _ in g.nextNormal() }
        let inputs: [(name: String, values: [Double])] = [
            ("linear", y.map { $0 + 0.5 * g.nextNormal() }),
            ("square", y.map { $0 * $0 + 0.1 * g.nextNormal() }),
            ("noise", (0..<n).map { _ in g.nextUnit() }),
            ("ties", (0..<n).map { _ in Double(g.nextInt(below: 3)) }),
            ("constant", Array(repeating: 2.5, count: n)),
            ("almost", (0..<n).map { $0 == 0 ? 1e-9 : 0 }),
        ]
        var options = HSICOptions()
        options.permutations = 0
        let sample = HSICSample(source: "", outputName: "y", output: y,
                                inputs: inputs.map { HSICInput(name: $0.name, kind: .continuous, values: .real($0.values)) })
        let engine = try HSICAnalysis.run(sample, options: options).indices
        let streamed = StreamedHSIC.indices(inputs: inputs, output: y)
        for (a, b) in zip(engine, streamed) {
            #expect(a.name == b.name && a.rows == b.rows && a.note == b.note, "\(a.name): \(a.note ?? "-") vs \(b.note ?? "-")")
            func close(_ x: Double?, _ z: Double?) -> Bool {
                guard let x, let z else { return x == nil && z == nil }
                return abs(x - z) <= 1e-14 + 1e-10 * max(abs(x), abs(z))
            }
            #expect(close(a.hsic, b.hsic) && close(a.r2HSIC, b.r2HSIC), "\(a.name): \(a.hsic ?? .nan) vs \(b.hsic ?? .nan)")
            #expect(close(a.pGamma, b.pGamma) || abs((a.pGamma ?? 0) - (b.pGamma ?? 0)) < 1e-12, "\(a.name): p \(a.pGamma ?? .nan) vs \(b.pGamma ?? .nan)")
        }
    }
}
