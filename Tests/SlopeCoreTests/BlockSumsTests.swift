import CVectorLoops
import Testing
@testable import SlopeCore

/// The history kernel's vector loops: the documented order of additions (checked against a
/// plain loop that adds in that order), and the same bits from the baseline and AVX2 forms.
@Suite struct BlockSumsTests {
    static let stride = 128

    struct Block {
        var x: [Double], w: [Double], c: [Double]
        let lines: Int, padded: Int
    }

    /// Random lines with magnitudes from 1e-3 to 1e3 and both signs, so that rounding differs
    /// with any change of order.
    static func block(lines: Int, padded: Int, seed: UInt64) -> Block {
        var g = SeededGenerator(seed: seed)
        func value() -> Double {
            Double.random(in: -1...1, using: &g) * [1e-3, 1e-2, 0.1, 1, 10, 100, 1e3][Int.random(in: 0..<7, using: &g)]
        }
        let x = (0..<(lines * stride)).map { _ in value() }
        return Block(x: x, w: (0..<lines).map { _ in value() }, c: (0..<(5 * stride)).map { _ in value() },
                     lines: lines, padded: padded)
    }

    /// Σ over 4 lanes in row order, then (l0 + l1) + (l2 + l3).
    static func laneSum(_ padded: Int, _ term: (Int) -> Double) -> Double {
        var lanes = [0.0, 0.0, 0.0, 0.0]
        for k in 0..<padded { lanes[k % 4] += term(k) }
        return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
    }

    static func run(_ b: Block, wide: Int32) -> (u: [Double], five: [Double], two: [Double], twoSquared: [Double]) {
        var u = [Double](repeating: 0, count: stride)
        var five = [Double](repeating: 0.5, count: 5 * b.lines)
        var two = [Double](repeating: 0.5, count: 2 * b.lines), twoSquared = two
        slope_block_affine(b.x, stride, b.lines, b.padded, b.w, &u, wide)
        slope_block_reduce_five(b.x, stride, b.lines, b.padded, b.c, &five, wide)
        slope_block_reduce_two(b.x, stride, b.lines, b.padded, 1, b.c, &two, wide)
        slope_block_reduce_two(b.x, stride, b.lines, b.padded, 2, b.c, &twoSquared, wide)
        return (Array(u[..<b.padded]), five, two, twoSquared)
    }

    @Test(arguments: [(31, 128), (31, 4), (7, 60), (1, 8), (30, 124), (2, 16)])
    func baselineFollowsTheDocumentedOrder(_ shape: (lines: Int, padded: Int)) {
        let b = Self.block(lines: shape.lines, padded: shape.padded, seed: UInt64(shape.lines * 1000 + shape.padded))
        let got = Self.run(b, wide: 0)
        let n = b.lines - 1, p = b.lines, s = Self.stride
        let u = (0..<b.padded).map { k in
            var sum = b.w[n]
            for j in 0..<n { sum += b.w[j] * b.x[j * s + k] }
            return sum
        }
        #expect(got.u == u)
        for j in 0..<p {
            let x = { (k: Int) in b.x[j * s + k] }, c = { (line: Int, k: Int) in b.c[line * s + k] }
            #expect(got.five[j] == 0.5 + Self.laneSum(b.padded) { c(0, $0) * x($0) })
            #expect(got.five[p + j] == 0.5 + Self.laneSum(b.padded) { c(1, $0) * (x($0) * x($0)) })
            #expect(got.five[2 * p + j] == 0.5 + Self.laneSum(b.padded) { c(2, $0) * ((x($0) * x($0)) * x($0)) })
            #expect(got.five[3 * p + j] == 0.5 + Self.laneSum(b.padded) { c(3, $0) * x($0) })
            #expect(got.five[4 * p + j] == 0.5 + Self.laneSum(b.padded) { c(4, $0) * x($0) })
            #expect(got.two[p + j] == 0.5 + Self.laneSum(b.padded) { c(1, $0) * x($0) })
            #expect(got.twoSquared[p + j] == 0.5 + Self.laneSum(b.padded) { c(1, $0) * (x($0) * x($0)) })
        }
    }

    @Test(.enabled(if: slope_cpu_has_avx2() == 1, "this CPU has no AVX2"),
          arguments: [(31, 128), (31, 4), (7, 60), (301, 128), (30, 124)])
    func avx2GivesTheBaselineBits(_ shape: (lines: Int, padded: Int)) {
        for seed in 0..<5 as Range<UInt64> {
            let b = Self.block(lines: shape.lines, padded: shape.padded, seed: seed)
            let base = Self.run(b, wide: 0), wide = Self.run(b, wide: 1)
            #expect(base.u.map(\.bitPattern) == wide.u.map(\.bitPattern))
            #expect(base.five.map(\.bitPattern) == wide.five.map(\.bitPattern))
            #expect(base.two.map(\.bitPattern) == wide.two.map(\.bitPattern))
            #expect(base.twoSquared.map(\.bitPattern) == wide.twoSquared.map(\.bitPattern))
        }
    }
}
