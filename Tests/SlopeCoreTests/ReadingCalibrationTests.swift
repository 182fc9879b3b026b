import Foundation
import Testing
@testable import SlopeCore

/// Training health, common mode and the agreement's majority baseline, on tables with a known
/// truth and on trainings made to fail.
@Suite struct ReadingCalibrationTests {
    /// y = 2 x0 − x1 + 4 (x2 − 0.5)² + noise over 20 uniform features (17 of them noise).
    static func knownTruth(rows: Int = 400, seed: UInt64 = 3) throws -> Design {
        var g = SeededGenerator(seed: seed)
        var columns = (0..<20).map { _ in (0..<rows).map { _ in g.nextUnit() } }
        columns.append((0..<rows).map { k in
            2 * columns[0][k] - columns[1][k] + 4 * (columns[2][k] - 0.5) * (columns[2][k] - 0.5) + 0.1 * g.nextNormal()
        })
        let table = try Table(source: "truth", columnNames: (0..<20).map { "x\($0)" } + ["y"], columns: columns)
        return try Design(table: table, options: DesignOptions())
    }

    static func train(_ design: Design, _ configure: (inout TrainingOptions) -> Void = { _ in }) throws -> [History] {
        var options = TrainingOptions()
        options.epochs = 300
        options.restarts = 4
        configure(&options)
        return try Trainer.train(design, options: options)
    }

    @Test func aHealthyTrainingHasNoWarning() throws {
        #expect(TrainingHealth(try Self.train(try Self.knownTruth())).ok)
    }

    @Test func aStepFarTooLargeIsReported() throws {
        let health = TrainingHealth(try Self.train(try Self.knownTruth()) { $0.learningRate = 1e6; $0.epochs = 40 })
        #expect(health.warnings.map(\.kind) == [.minimumAtFirstEpoch], "\(health.warnings)")
        #expect(health.warnings.first?.restarts == [0, 1, 2, 3])
    }

    @Test func deadUnitsAreReported() throws {
        let design = try Self.knownTruth()
        let histories = try Self.train(design) {
            $0.activation = .relu
            $0.initial = InitialParameters(weights: Array(repeating: -5, count: design.featureCount), bias: -50)
            $0.epochs = 30
        }
        let health = TrainingHealth(histories)
        #expect(health.warnings.map(\.kind) == [.constantLoss, .repeatedRestart] && health.warnings[0].restarts == [0, 1, 2, 3])
        #expect(health.warnings[0].message.contains("dead units"))
        // One starting point and full batches: restarts 1, 2 and 3 repeat restart 0.
        #expect(health.warnings[1].restarts == [1, 2, 3])
    }

    @Test func commonModeIsOneForIdenticalFeaturesAndHighOnTheKnownTruth() throws {
        var g = SeededGenerator(seed: 9)
        let x = (0..<100).map { _ in g.nextUnit() }, y = x.map { $0 * $0 + 0.05 * g.nextNormal() }
        let copies = try Design(table: Table(source: "copies", columnNames: ["a", "b", "y"], columns: [x, x, y]),
                                options: DesignOptions())
        let identical = CommonMode(try Self.train(copies), quantity: .d2)
        #expect(identical.perRestart.allSatisfy { abs(($0 ?? 0) - 1) < 1e-9 }, "\(identical.perRestart)")
        // The measurement: 0.98-0.999 on this table; every restart above the 0.9 line.
        let truth = CommonMode(try Self.train(try Self.knownTruth()), quantity: .d2)
        #expect(truth.perRestart.allSatisfy { ($0 ?? 0) > CommonMode.high }, "\(truth.perRestart)")
    }

    @Test func theMajorityBaselineOfWineIsItsAgreement() throws {
        let table = try CSVReader().read(path: Paths.exampleData("wine.csv").path)
        let design = try Design(table: table, options: DesignOptions(target: "cultivar"))
        let histories = try Trainer.train(design, options: TrainingOptions())  // the README's defaults
        let reading = try Reading(design: design, histories: histories, options: ReadingOptions())
        // Every feature reads decreasing: one label for all gives the same 9 of 13.
        #expect(reading.agreement.majorityLabel == .decreasing)
        #expect(reading.agreement.expectedByMajority == 9 && reading.agreement.count == 9)
    }
}
