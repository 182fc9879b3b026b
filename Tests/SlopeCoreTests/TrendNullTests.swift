import Foundation
import Testing
@testable import SlopeCore

/// The null of the trend and the relative reading (issue 16, items 1 and 3): the statistic
/// against a hand computation, the laws it must keep, and tables with a known truth.
@Suite struct TrendNullTests {
    private static let up = TrendLabel.increasing, down = TrendLabel.decreasing

    /// Pairs (+,+), (+,−), (−,−), (+,+) and four increasing restarts: μ = 0.25, σ_w² = 0.5
    /// (above the floor 4·(1/9)·(8/9)), σ_b² = 0.9167 − 0.25, z = 0.75 / √(σ_b² + σ_w²/4);
    /// p = 2·(1 − Φ(z)) = 0.39926914317106565 (SciPy, norm.sf).
    @Test func aHandComputedNull() throws {
        let null: [[TrendLabel]] = [[Self.up], [Self.up], [Self.up], [Self.down], [Self.down], [Self.down], [Self.up], [Self.up]]
        let result = try #require(TrendNull.features(observed: [[Self.up, Self.up, Self.up, Self.up]], null: null)[0])
        #expect(abs(result.p - 0.39926914317106565) < 1e-12)
        #expect(abs(result.mean - 0.25) < 1e-15)
        #expect(abs(result.sd - (2.0 / 3 + 0.125).squareRoot()) < 1e-12)
    }

    /// A label the null always gives is never beyond chance; the opposite label on every
    /// restart is, even though the null never varied (the floor keeps the spread finite).
    @Test func theNullsOwnLabelIsNotBeyondChanceItsOppositeIs() throws {
        let null = Array(repeating: [Self.up, Self.up], count: 20)
        let result = TrendNull.features(observed: [Array(repeating: Self.up, count: 10), Array(repeating: Self.down, count: 10)],
                                        null: null)
        #expect(result[0]?.p == 1 && result[0]?.beyondChance == false)
        #expect((result[1]?.p ?? 1) < 1e-10 && result[1]?.beyondChance == true)
        // One restart of ten against the null's label is within what a null sign may do.
        let one = TrendNull.features(observed: [Array(repeating: Self.up, count: 9) + [Self.down]], null: null)
        #expect((one[0]?.p ?? 0) > 0.05)
    }

    @Test func fewerThanTwoPairsGiveNoNull() {
        #expect(TrendNull.features(observed: [[Self.up]], null: [[Self.up], [Self.up]]) == [nil])
    }

    /// Shares of curvature by hand: d2 = (1, 2, 3) and (1, 1, 1) as the loss falls give shares
    /// rising and falling; a total that changes sign leaves the share undefined.
    @Test func theRelativeSeriesIsTheShareOfCurvature() {
        var h = History(parameterNames: ["a", "b", "bias"], seed: 0, epochs: 3)
        h.loss = [3, 2, 1]
        let d2 = History.slot(.d2)
        h.values[d2] = [1, 1, 0, 2, 1, 0, 3, 1, 0]
        #expect(TrendSeries.paper.rho(h, quantity: .d2) == [1, nil])
        let relative = TrendSeries.relative.rho(h, quantity: .d2)
        #expect(relative.count == 2 && abs((relative[0] ?? 0) - 1) < 1e-12 && abs((relative[1] ?? 0) + 1) < 1e-12)
        h.values[d2] = [1, 1, 0, -3, 1, 0, 3, 1, 0]
        #expect(TrendSeries.relative.rho(h, quantity: .d2) == [nil, nil])
    }

    /// Null trainings run in the restarts' passes but change none of their bits, and give the
    /// same null twice.
    @Test func nullTrainingsLeaveTheRestartsAsTheyWere() throws {
        let design = try ReadingCalibrationTests.knownTruth(rows: 120)
        var options = TrainingOptions()
        options.epochs = 60
        options.restarts = 3
        let alone = try Trainer.train(design, options: options)
        let null = NullTrainings(count: 6, convention: .diag)
        let with = try Trainer.train(design, options: options, null: null)
        let again = try Trainer.train(design, options: options, null: null)
        #expect(with.restarts.map(\.values) == alone.map(\.values) && with.restarts.map(\.loss) == alone.map(\.loss))
        #expect(with.null.count == 6 && with.null.map(\.values) == again.null.map(\.values))
        // Pairs share a shuffled target, not a start; the shuffle changes the loss.
        #expect(with.null[0].loss[0] != with.null[1].loss[0] && with.null[0].loss != alone[0].loss)
        #expect(with.null[0].series(.d3, parameter: 0).allSatisfy { $0 == 0 })
    }

    /// y = x0 + 0.5 x1 − 0.5 x2 + noise over ten uniform columns.
    private static func linear(seed: UInt64, noiseOnly: Bool = false) throws -> Design {
        var g = SeededGenerator(seed: seed)
        var columns = (0..<10).map { _ in (0..<400).map { _ in g.nextUnit() } }
        columns.append((0..<400).map { k in
            (noiseOnly ? 0 : columns[0][k] + 0.5 * columns[1][k] - 0.5 * columns[2][k]) + 0.1 * g.nextNormal()
        })
        let table = try Table(source: "linear", columnNames: (0..<10).map { "x\($0)" } + ["y"], columns: columns)
        return try Design(table: table, options: DesignOptions())
    }

    private static func read(_ design: Design, _ series: TrendSeries) throws -> Reading {
        var options = TrainingOptions()
        options.epochs = 500
        let reading = try ReadingOptions(series: series)
        let trained = try Trainer.train(design, options: options, null: reading.null)
        return Reading(design: design, histories: trained.restarts, null: trained.null, options: reading)
    }

    /// On a target that is pure noise no trend is beyond chance, in either reading.
    @Test(arguments: [TrendSeries.paper, .relative])
    func noTrendIsBeyondChanceOnNoise(_ series: TrendSeries) throws {
        let reading = try Self.read(try Self.linear(seed: 5, noiseOnly: true), series)
        #expect(reading.features.allSatisfy { $0.null?.beyondChance == false }, "\(reading.features.map { ($0.name, $0.null?.p) })")
    }

    /// On the linear table every feature of the paper's reading carries the label the null
    /// gives them, strong effects included: nothing is beyond chance.
    @Test func thePapersReadingOfALinearTableIsTheNulls() throws {
        let paper = try Self.read(try Self.linear(seed: 3), .paper)
        #expect(paper.features.allSatisfy { $0.null?.beyondChance == false }, "\(paper.features.map { ($0.name, $0.null?.p) })")
    }

    /// On wine the target moves every trend away from the null together (the null reads
    /// increasing, the restarts decreasing): all 13 beyond chance, with a common mode above
    /// 0.9, which is why the report says the trends reflect the overall curvature.
    @Test func wineTrendsLeaveTheNullAllTogether() throws {
        let table = try CSVReader().read(path: Paths.exampleData("wine.csv").path)
        let design = try Design(table: table, options: DesignOptions(target: "cultivar"))
        let reading = try ReadingOptions()
        let trained = try Trainer.train(design, options: TrainingOptions(), null: reading.null)
        let result = Reading(design: design, histories: trained.restarts, null: trained.null, options: reading)
        #expect(result.features.allSatisfy { $0.null?.beyondChance == true && $0.trend.label == .decreasing })
        #expect(result.features.allSatisfy { ($0.null?.mean ?? 0) > 0 })
        #expect((result.commonMode.mean ?? 0) > CommonMode.high)
    }
}
