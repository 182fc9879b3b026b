import CVectorLoops
import Foundation
import Testing
@testable import SlopeCore

/// The HSIC baseline's Gaussian rows: the vector exp against glibc's, and the same bits from
/// the baseline and AVX2 forms.
@Suite struct GaussianRowsTests {
    static func vectorExp(_ t: [Double], avx2: Int32) -> [Double] {
        var out = [Double](repeating: .nan, count: t.count)
        slope_vector_exp(t, &out, t.count, avx2)
        return out
    }

    @Test func vectorExpIsWithinTwoUlpOfGlibc() {
        var g = SeededGenerator(seed: 7)
        let grid = stride(from: -708.39, through: 0, by: 0.001).map { $0 }
        let random = (0..<100_000).map { _ in -Double.random(in: 0..<1, using: &g) * [1, 10, 708][Int.random(in: 0..<3, using: &g)] }
        let t = grid + random + [0, -0.0, -1e-300, -.leastNonzeroMagnitude, -708.39]
        let e = Self.vectorExp(t, avx2: 0)
        var worst = 0.0
        for (x, y) in zip(t, e) { worst = max(worst, abs(y - Foundation.exp(x)) / Foundation.exp(x)) }
        #expect(worst <= 2 * Double.ulpOfOne, "worst relative error \(worst)")
        #expect(Self.vectorExp([0, -0.0], avx2: 0) == [1, 1])
        // Below -708.39 (results under 2.2e-308) every lane is 0, down to -infinity.
        #expect(Self.vectorExp([-708.4, -745, -1e300, -.infinity, -709, -710, -711], avx2: 0).allSatisfy { $0 == 0 })
    }

    @Test(.enabled(if: slope_cpu_has_avx2() == 1, "this CPU has no AVX2"))
    func avx2GivesTheBaselineBits() {
        var g = SeededGenerator(seed: 11)
        let t = (0..<1003).map { _ in -Double.random(in: 0..<800, using: &g) }
        #expect(Self.vectorExp(t, avx2: 0).map(\.bitPattern) == Self.vectorExp(t, avx2: 1).map(\.bitPattern))
        for n in [1, 2, 5, 8, 37] {
            let x = (0..<n).map { _ in Double.random(in: -3...3, using: &g) }
            let l = (0..<n).map { _ in Double.random(in: 0...1, using: &g) }
            let km = (0..<n).map { _ in Double.random(in: 0...1, using: &g) }, lm = km.reversed() as [Double]
            for i in 0..<n {
                var rows0 = [Double](repeating: 1, count: n), rows1 = rows0
                var sums0 = [0.0, 0, 0], sums1 = sums0
                slope_gaussian_row_sums(x, i, 0.7, l, &rows0, &sums0, 0)
                slope_gaussian_row_sums(x, i, 0.7, l, &rows1, &sums1, 1)
                #expect(rows0.map(\.bitPattern) == rows1.map(\.bitPattern) && sums0.map(\.bitPattern) == sums1.map(\.bitPattern))
                let c0 = slope_gaussian_row_centred(x, i, 0.7, l, km, 0.3, lm, 0.4, 0)
                let c1 = slope_gaussian_row_centred(x, i, 0.7, l, km, 0.3, lm, 0.4, 1)
                #expect(c0.bitPattern == c1.bitPattern)
            }
        }
    }

    /// A row against the definition entry by entry (glibc's exp), the tail lanes included.
    @Test func rowSumsFollowTheDefinition() {
        let x: [Double] = [0.1, -0.4, 2.0, 0.1, 1.5, -2.2, 0.35], l: [Double] = [0.9, 0.2, 0.4, 0.8, 0.1, 0.6, 0.3]
        for i in 0..<x.count {
            var rows = [Double](repeating: 0, count: x.count), sums = [0.0, 0, 0]
            slope_gaussian_row_sums(x, i, 0.8, l, &rows, &sums, VectorForm.avx2)
            let k = (0..<i).map { j in Kernel.gaussian(x[i], x[j], scale: 0.8) }
            for j in 0..<x.count {
                #expect(abs(rows[j] - (j < i ? k[j] : 0)) <= 1e-15, "i \(i) j \(j)")
            }
            #expect(abs(sums[0] - k.reduce(0, +)) <= 1e-14)
            #expect(abs(sums[1] - zip(k, l).map { $0 * $1 }.reduce(0, +)) <= 1e-14)
            #expect(abs(sums[2] - k.map { $0 * $0 }.reduce(0, +)) <= 1e-14)
        }
    }
}
