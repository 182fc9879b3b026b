import Testing
@testable import SlopeCore

@Suite struct ReadingTests {
    @Test func trendLabelsByThreshold() {
        #expect(Trend.label(rho: 0.5, flat: 0.1) == .increasing)
        #expect(Trend.label(rho: -0.5, flat: 0.1) == .decreasing)
        #expect(Trend.label(rho: 0.05, flat: 0.1) == .flat)
        #expect(Trend.label(rho: nil, flat: 0.1) == .flat)
        // d2 rising while the loss falls: ρ(d2, −L) = 1.
        #expect(Trend.rho(secondDerivative: [1, 2, 3, 4], loss: [9, 5, 2, 1]) == 1)
        #expect(Trend.rho(secondDerivative: [2, 2, 2, 2], loss: [9, 5, 2, 1]) == nil)
    }

    @Test func consensusMajoritySharesAndTies() throws {
        let c = Consensus(rho: [0.5, 0.7, -0.3, nil], flat: 0.1)
        #expect(c.label == .increasing)
        #expect(c.shareIncreasing == 0.5)
        #expect(abs(try #require(c.meanRho) - 0.3) < 1e-15)
        #expect(abs(try #require(c.sdRho) - (0.28).squareRoot()) < 1e-15)
        #expect(Consensus(rho: [0.5, -0.5], flat: 0.1).label == .flat)
        #expect(Consensus(rho: [nil], flat: 0.1).meanRho == nil)
    }

    @Test func decayOfAHandMadeSeries() {
        let d = Decay(series: [-2, 1, 0.3, -0.1, 0.5])
        #expect(d.first == 2 && d.last == 0.5 && d.ratio == 0.25)
        #expect(d.firstEpochBelowTenth == 3)
        #expect(Decay(series: [0, 0]).ratio == nil)
        #expect(Decay(series: [1, 0.5]).firstEpochBelowTenth == nil)
    }

    @Test func agreementSigns() {
        #expect(Agreement.agrees(.increasing, spearman: 0.2))
        #expect(!Agreement.agrees(.increasing, spearman: -0.2))
        #expect(Agreement.agrees(.decreasing, spearman: -0.2))
        #expect(!Agreement.agrees(.flat, spearman: 0.2))
        #expect(!Agreement.agrees(.increasing, spearman: nil))
    }
}
