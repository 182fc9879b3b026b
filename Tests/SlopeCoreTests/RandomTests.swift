import Testing
@testable import SlopeCore

@Suite struct RandomTests {
    @Test func sameSeedSameStreamOtherSeedOtherStream() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
        let x = (0..<100).map { _ in a.next() }
        #expect(x == (0..<100).map { _ in b.next() })
        #expect(x != (0..<100).map { _ in c.next() })
    }

    @Test func xoshiroFromAKnownState() {
        // SplitMix64 from 0 gives the state 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4,
        // 0x06c45d188009454f, 0xf88bb8a8724c81ec (Vigna's splitmix64.c); the first
        // xoshiro256** output is rotl(s1 * 5, 7) * 9.
        var g = SeededGenerator(seed: 0)
        let s1: UInt64 = 0x6e78_9e6a_a1b9_65f4
        let product = s1 &* 5
        #expect(g.next() == ((product << 7) | (product >> 57)) &* 9)
    }

    @Test func normalVariatesHaveUnitMomentsAndUniformsStayInRange() {
        var g = SeededGenerator(seed: 1)
        let m = 200_000
        let z = (0..<m).map { _ in g.nextNormal() }
        let mean = z.reduce(0, +) / Double(m)
        let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m - 1)
        // Standard errors: 1/√m ≈ 0.0022 for the mean, √(2/m) ≈ 0.0032 for the variance.
        #expect(abs(mean) < 0.011)
        #expect(abs(variance - 1) < 0.016)
        #expect((0..<10_000).allSatisfy { _ in (0..<1).contains(g.nextUnit()) })
    }

    @Test func boundedIntegersAreUniformAndShuffleIsAPermutation() {
        var g = SeededGenerator(seed: 3)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[g.nextInt(below: 6)] += 1 }
        // Chi-square with 5 degrees of freedom: 20.5 is its 0.999 quantile.
        let chi2 = counts.reduce(0.0) { $0 + pow2(Double($1) - 10_000) / 10_000 }
        #expect(chi2 < 20.5)
        var values = Array(0..<50)
        g.shuffle(&values)
        #expect(values != Array(0..<50))
        #expect(values.sorted() == Array(0..<50))
    }

    @Test func xavierNormalScaleAndZeroBias() {
        var g = SeededGenerator(seed: 5)
        let theta = XavierNormal.parameters(features: 20_000, using: &g)
        #expect(theta.last == 0)
        let w = theta.dropLast()
        let variance = w.reduce(0) { $0 + $1 * $1 } / Double(w.count)
        #expect(abs(variance - 2.0 / 20_001) < 0.05 * 2.0 / 20_001)
    }
}

private func pow2(_ x: Double) -> Double { x * x }
