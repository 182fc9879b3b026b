import Foundation
import Testing
@testable import SlopeCore

@Suite("HSIC estimators in O(n²) against the dense O(n³) formulas")
struct HSICEstimatorTests {
    /// A random sample where y depends on x, and the Gram matrices of several kernels.
    static func sample(n: Int, seed: UInt64) -> (x: [Double], y: [Double], levels: [Int]) {
        var g = SeededGenerator(seed: seed)
        let x = (0..<n).map { _ in g.nextNormal() }
        let y = x.map { sin(2 * $0) + 0.5 * g.nextNormal() }
        let levels = (0..<n).map { _ in g.nextInt(below: 3) }
        return (x, y, levels)
    }

    static let grams: [(String, @Sendable ([Double], [Int]) -> GramMatrix)] = [
        ("gaussian", { x, _ in GramMatrix(values: x, kernel: .gaussian, scale: 0.7) }),
        ("laplace", { x, _ in GramMatrix(values: x, kernel: .laplace, scale: 1.3) }),
        ("matern32", { x, _ in GramMatrix(values: x, kernel: .matern32, scale: 0.9) }),
        ("matern52", { x, _ in GramMatrix(values: x, kernel: .matern52, scale: 1.1) }),
        ("linear", { x, _ in GramMatrix(values: x, kernel: .linear, scale: 1) }),
        ("dirac", { _, c in GramMatrix(levels: c, weighted: false) }),
        ("weighted dirac", { _, c in GramMatrix(levels: c, weighted: true) }),
    ]

    @Test("V and U statistics", arguments: 0..<7)
    func globalStatistics(_ c: Int) {
        let (x, y, levels) = Self.sample(n: 23, seed: UInt64(c))
        let k = Self.grams[c].1(x, levels)
        let l = GramMatrix(values: y, kernel: .gaussian, scale: 1.0)
        let inner = permutedInner([k], l, nil)[0]
        for estimator in HSICEstimator.allCases {
            let fast = estimator.value(inner: inner, k: GramSummary(k), l: GramSummary(l), sigma: nil)
            let naive = estimator == .v ? NaiveHSIC.v(NaiveHSIC.matrix(k), NaiveHSIC.matrix(l))
                                        : NaiveHSIC.u(NaiveHSIC.matrix(k), NaiveHSIC.matrix(l))
            #expect(abs(fast - naive) <= 1e-12 * max(1, abs(naive)), "\(Self.grams[c].0) \(estimator)")
        }
    }

    @Test("a permuted output gives the statistic of the permuted sample")
    func permutation() {
        let (x, y, _) = Self.sample(n: 17, seed: 9)
        var g = SeededGenerator(seed: 1)
        var sigma = Array(0..<17)
        g.shuffle(&sigma)
        let k = GramMatrix(values: x, kernel: .gaussian, scale: 1)
        let l = GramMatrix(values: y, kernel: .gaussian, scale: 1)
        let permuted = GramMatrix(values: sigma.map { y[$0] }, kernel: .gaussian, scale: 1)
        for estimator in HSICEstimator.allCases {
            let viaSigma = estimator.value(inner: permutedInner([k], l, sigma)[0], k: GramSummary(k),
                                           l: GramSummary(l), sigma: sigma)
            let direct = estimator == .v ? NaiveHSIC.v(NaiveHSIC.matrix(k), NaiveHSIC.matrix(permuted))
                                         : NaiveHSIC.u(NaiveHSIC.matrix(k), NaiveHSIC.matrix(permuted))
            #expect(abs(viaSigma - direct) <= 1e-12, "\(estimator)")
        }
    }

    @Test("conditional HSIC and its self terms, indicator and smooth weights", arguments: [false, true])
    func conditional(_ smooth: Bool) {
        let (x, y, _) = Self.sample(n: 19, seed: 4)
        let goal = Goal(boundary: .quantile(0.3), smoothness: smooth ? 0.5 : nil)
        let w = goal.weights(for: y)
        let k = GramMatrix(values: x, kernel: .gaussian, scale: 0.8)
        let l = GramMatrix(values: y, kernel: .gaussian, scale: 1.2)
        let side = OutputSide(gram: l, estimator: .v, weights: w)
        let fast = side.value(inner: permutedInner([k], side.operand, nil)[0], input: GramSummary(k), sigma: nil)
        let (km, lm) = (NaiveHSIC.matrix(k), NaiveHSIC.matrix(l))
        #expect(abs(fast - NaiveHSIC.conditional(km, lm, weights: w)) <= 1e-12)
        #expect(abs(side.selfValue(of: k, GramSummary(k)) - NaiveHSIC.conditional(km, km, weights: w)) <= 1e-12)
        #expect(abs(side.selfValue - NaiveHSIC.conditional(lm, lm, weights: w)) <= 1e-12)
    }

    @Test("kernels: closed forms at distance = scale")
    func kernelValues() {
        #expect(abs(Kernel.gaussian(0, 2, scale: 2) - exp(-0.5)) < 1e-15)
        #expect(abs(Kernel.laplace(1, 3, scale: 2) - exp(-1)) < 1e-15)
        #expect(abs(Kernel.matern32(0, 1, scale: 1) - (1 + sqrt(3)) * exp(-sqrt(3))) < 1e-15)
        #expect(abs(Kernel.matern52(0, 1, scale: 1) - (1 + sqrt(5) + 5.0 / 3) * exp(-sqrt(5))) < 1e-15)
        #expect(Kernel.linear(2, 3, scale: 7) == 6)
        for kernel in Kernel.allCases where kernel.hasUnitDiagonal { #expect(kernel(0.3, 0.3, scale: 0.1) == 1) }
    }

    @Test("bandwidth rules")
    func bandwidths() {
        // distances of 0, 1, 3: |1-0|, |3-0|, |3-1| = 1, 3, 2 → median 2.
        #expect(Bandwidth.median.scale(for: [0, 1, 3]) == 2)
        #expect(Bandwidth.std.scale(for: [1, 2, 3, 4]) == (5.0 / 3).squareRoot())
        #expect(Bandwidth.std.scale(for: [2, 2, 2]) == nil)
        #expect(Bandwidth.fixed(0.5).scale(for: [2, 2]) == 0.5)
    }

    @Test("weighted Dirac kernel: 1/share of the level on equal levels")
    func weightedDirac() {
        let k = GramMatrix(levels: [0, 0, 0, 1], weighted: true)
        #expect(k[0, 0] == 4.0 / 3)
        #expect(k[3, 3] == 4)
        #expect(k[0, 3] == 0)
    }
}
