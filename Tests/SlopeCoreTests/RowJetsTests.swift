import CVectorLoops
import Testing
@testable import SlopeCore

/// The vector row jets for tanh + MSE give the bits of the generic Jet code, in both forms, at
/// every branch of Tanh.value (rational, exp, saturated, NaN) and every tail length.
@Suite struct RowJetsTests {
    static func inputs(_ count: Int, seed: UInt64) -> (u: [Double], t: [Double]) {
        var g = SeededGenerator(seed: seed)
        let special: [Double] = [0, -0.0, 0.624999, 0.625, -0.625, 0.6250001, 21.9, 22, 22.1, -30, 1e-300, 400, -.infinity, .infinity]
        let u = (0..<count).map { k -> Double in
            k < special.count ? special[k]
                : Double.random(in: -1...1, using: &g) * [0.5, 1, 3, 25][Int.random(in: 0..<4, using: &g)]
        }
        return (u, (0..<count).map { _ in Double.random(in: -1...1, using: &g) })
    }

    static func vector(_ u: [Double], _ t: [Double], avx2: Int32) -> [[UInt64]] {
        var v = [Double](repeating: .nan, count: u.count), d1 = v, d2 = v, d3 = v
        slope_tanh_mse_jets(u, t, u.count, &v, &d1, &d2, &d3, avx2)
        return [v, d1, d2, d3].map { $0.map(\.bitPattern) }
    }

    @Test(arguments: [1, 3, 4, 7, 128, 1001])
    func vectorJetsAreTheGenericJetsBits(_ count: Int) {
        let (u, t) = Self.inputs(count, seed: UInt64(count))
        let jets = zip(u, t).map { Loss.mse(Activation.tanh(Jet.variable($0)), $1) }
        let generic = [jets.map(\.value), jets.map(\.d1), jets.map(\.d2), jets.map(\.d3)].map { $0.map(\.bitPattern) }
        #expect(Self.vector(u, t, avx2: 0) == generic)
        if slope_cpu_has_avx2() == 1 { #expect(Self.vector(u, t, avx2: 1) == generic) }
    }

    @Test func valuesMayOverwriteU() {
        let (u, t) = Self.inputs(37, seed: 5)
        var inPlace = u, d1 = u, d2 = u, d3 = u
        inPlace.withUnsafeMutableBufferPointer { p in
            slope_tanh_mse_jets(p.baseAddress!, t, u.count, p.baseAddress!, &d1, &d2, &d3, VectorForm.avx2)
        }
        #expect(inPlace.map(\.bitPattern) == Self.vector(u, t, avx2: VectorForm.avx2)[0])
    }
}
