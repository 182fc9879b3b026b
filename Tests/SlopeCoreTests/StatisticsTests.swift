import Foundation
import Testing
@testable import SlopeCore

@Suite struct StatisticsTests {
    @Test func averageRanksShareTies() {
        #expect(Ranks.average([10, 20, 20, 5, 20]) == [2, 4, 4, 1, 4])
        #expect(Ranks.average([3, 1, 2]) == [3, 1, 2])
        #expect(Ranks.average([]) == [])
        #expect(Ranks.average([7]) == [1])
    }

    /// The radix sort's ranks against the definition: rank_i = #{x_j < x_i} + (#{x_j == x_i} + 1) / 2,
    /// on values with ties, both signs, ±0, subnormals and huge magnitudes.
    @Test func averageRanksMatchTheirDefinition() {
        var generator = SeededGenerator(seed: 19)
        let pool: [Double] = [0, -0.0, 1, -1, Double.leastNormalMagnitude / 8, -Double.leastNormalMagnitude / 8, 1e300, -1e300, 0.5, 2.5e-8, .leastNonzeroMagnitude,
                              -.greatestFiniteMagnitude, .greatestFiniteMagnitude]
        for m in [2, 3, 17, 300, 1000] {
            let values = (0..<m).map { k -> Double in
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: return pool[Int.random(in: 0..<pool.count, using: &generator)]
                case 1: return Double(Int.random(in: -5...5, using: &generator)) * 0.25
                default: return Double.random(in: -1e6...1e6, using: &generator) * (k % 2 == 0 ? 1e-200 : 1)
                }
            }
            let expected = values.map { v in
                Double(values.count { $0 < v }) + Double(values.count { $0 == v } + 1) / 2
            }
            #expect(Ranks.average(values) == expected, "m = \(m)")
        }
    }

    @Test func spearmanFisherInterval() throws {
        // ρ = 0.5 on 103 rows: tanh(atanh 0.5 ± 1.96 · 1.03/10), computed by Python's math module.
        let interval = try #require(Correlation.spearmanInterval(0.5, count: 103))
        #expect(relativeError(interval.lower, 0.3340909436743723) < 1e-14)
        #expect(relativeError(interval.upper, 0.6358560562152388) < 1e-14)
        let mirrored = try #require(Correlation.spearmanInterval(-0.5, count: 103))
        #expect(mirrored.lower == -interval.upper && mirrored.upper == -interval.lower)
        let narrower = try #require(Correlation.spearmanInterval(0.5, count: 1000))
        #expect(narrower.upper - narrower.lower < interval.upper - interval.lower)
        #expect(Correlation.spearmanInterval(0.5, count: 3) == nil)
        let perfect = try #require(Correlation.spearmanInterval(1, count: 50))
        #expect(perfect.upper <= 1 && perfect.lower > 0.99)
    }

    @Test func pearsonOfHandComputedCase() throws {
        // x = 1..5, y = 2,4,5,4,5: Sxy = 6, Sxx = 10, Syy = 6 → r = 6 / √60.
        let r = try #require(Correlation.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))
        #expect(abs(r - 6 / 60.0.squareRoot()) < 1e-15)
        #expect(Correlation.pearson([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test func spearmanIsOneForAnyMonotoneMap() throws {
        let x = (1...50).map { Double($0) * 0.37 }
        #expect(try #require(Correlation.spearman(x, x.map { exp($0) })) == 1)
        #expect(abs(try #require(Correlation.spearman(x, x.map { -$0 * $0 * $0 })) + 1) < 1e-15)
    }

    @Test func incompleteBetaClosedForms() {
        for x in stride(from: 0.01, to: 1, by: 0.07) {
            #expect(abs(IncompleteBeta.regularized(x, 1, 1) - x) < 1e-15)
            #expect(abs(IncompleteBeta.regularized(x, 3, 1) - x * x * x) < 1e-14)
            #expect(abs(IncompleteBeta.regularized(x, 1, 4) - (1 - pow(1 - x, 4))) < 1e-14)
            // Symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
            let a = 2.5, b = 7.25
            #expect(abs(IncompleteBeta.regularized(x, a, b) + IncompleteBeta.regularized(1 - x, b, a) - 1) < 1e-14)
        }
        #expect(abs(IncompleteBeta.regularized(0.5, 6.5, 6.5) - 0.5) < 1e-14)
        // Integer a, b: binomial sum Σ_{j=3}^{9} C(9, j) 0.2^j 0.8^(9−j) = 0.261802496.
        #expect(abs(IncompleteBeta.regularized(0.2, 3, 7) - 0.261802496) < 1e-15)
    }

    /// Values of scipy.special.betainc (SciPy 1.17), independent of slope.
    @Test(arguments: [
        (2.5, 0.5, 0.3, 0.018927124071945658),
        (10, 0.5, 0.9, 0.15164090963470994),
        (220, 0.5, 0.656, 3.3781456040117534e-42),
        (0.5, 0.5, 0.01, 0.06376856085851985),
        (50, 0.5, 0.999, 0.7523690199653766),
    ])
    func incompleteBetaMatchesSciPy(_ a: Double, _ b: Double, _ x: Double, _ expected: Double) {
        #expect(relativeError(IncompleteBeta.regularized(x, a, b), expected) < 1e-12)
    }

    @Test func pValueOfPerfectAndZeroCorrelation() throws {
        #expect(try #require(Correlation.test(1, count: 10)).p == 0)
        #expect(try #require(Correlation.test(0, count: 10)).p == 1)
        #expect(Correlation.test(0.5, count: 2) == nil)
    }

    @Test func medianOfOddEvenAndEmpty() {
        #expect(Median.of([3, 1, 2]) == 2)
        #expect(Median.of([4, 1, 3, 2]) == 2.5)
        #expect(Median.of([]) == nil)
    }
}

@Suite("Regularised upper incomplete gamma")
struct IncompleteGammaTests {
    @Test("closed forms: Q(1, x) = e^-x, Q(3, x) = e^-x (1 + x + x²/2), Q(1/2, x) = erfc(√x)")
    func closedForms() {
        for x in [0.01, 0.5, 1, 2.5, 7, 30, 200] {
            #expect(relativeError(IncompleteGamma.upperRegularized(1, x), exp(-x)) < 1e-13)
            #expect(relativeError(IncompleteGamma.upperRegularized(3, x), exp(-x) * (1 + x + x * x / 2)) < 1e-13)
            #expect(relativeError(IncompleteGamma.upperRegularized(0.5, x), erfc(x.squareRoot())) < 1e-12)
        }
        #expect(IncompleteGamma.upperRegularized(2, 0) == 1)
    }
}

@Suite struct PValueAdjustmentTests {
    static let p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.049]

    @Test func benjaminiHochbergAsSciPy() {
        // scipy.stats.false_discovery_control(p) (SciPy 1.17).
        let expected = [0.035, 0.0686, 0.0686, 0.035, 0.23333333333333336, 0.5, 0.0686]
        let adjusted = PValueAdjustment.bh.adjust(Self.p)
        for (a, e) in zip(adjusted, expected) { #expect(abs(a - e) < 1e-12, "\(adjusted)") }
    }

    @Test func holmStepDown() {
        // min(1, (m − k) p_(k)) made monotone, computed by hand (m = 7).
        let expected = [0.06, 0.16, 0.15, 0.035, 0.4, 0.5, 0.16]
        let adjusted = PValueAdjustment.holm.adjust(Self.p)
        for (a, e) in zip(adjusted, expected) { #expect(abs(a - e) < 1e-12, "\(adjusted)") }
    }

    @Test func neverBelowTheRawValueAndNoneIsTheIdentity() {
        var g = SeededGenerator(seed: 5)
        let p = (0..<50).map { _ in g.nextUnit() }
        for method in [PValueAdjustment.bh, .holm] {
            #expect(zip(method.adjust(p), p).allSatisfy { $0 >= $1 && $0 <= 1 })
        }
        #expect(PValueAdjustment.none.adjust(p) == p)
    }
}
