import Testing
@testable import SlopeCore

@Suite struct DesignTests {
    let table = try! Table(source: "t.csv", columnNames: ["a", "k", "b", "y"],
                           columns: [[0, 5, 10], [7, 7, 7], [1, 2, 4], [3, 1, 2]])

    @Test func minMaxFeaturesTargetIntoRangeConstantsLeftOut() throws {
        let design = try Design(table: table, options: DesignOptions())
        #expect(design.targetName == "y")
        #expect(design.featureNames == ["a", "b"])
        #expect(design.constantFeatures == ["k"])
        #expect(design.x == [0, 0, 0.5, 1.0 / 3, 1, 1])
        #expect(design.target == [1, -1, 0])
        #expect(design.rawFeatures == [[0, 5, 10], [1, 2, 4]])
    }

    @Test func zScoreUsesThePopulationDeviation() throws {
        let design = try Design(table: table, options: DesignOptions(features: ["a"], featureScaling: .zScore, targetScaling: .zScore))
        let sd = (50.0 / 3).squareRoot()
        #expect(design.x == [-5 / sd, 0, 5 / sd])
        let mean = design.target.reduce(0, +) / 3
        #expect(abs(mean) < 1e-15)
    }

    @Test func selectionByNameAndDrop() throws {
        let design = try Design(table: table, options: DesignOptions(target: "a", drop: ["k"]))
        #expect(design.featureNames == ["b", "y"])
    }

    @Test func badSelections() throws {
        #expect(throws: SlopeError.missingColumn(file: "t.csv", name: "z", available: ["a", "k", "b", "y"])) {
            try Design(table: table, options: DesignOptions(target: "z"))
        }
        #expect(throws: SlopeError.allFeaturesConstant(file: "t.csv")) {
            try Design(table: table, options: DesignOptions(features: ["k"]))
        }
        #expect(throws: SlopeError.constantTarget(file: "t.csv", name: "k")) {
            try Design(table: table, options: DesignOptions(target: "k"))
        }
        #expect(throws: SlopeError.noFeatures(file: "t.csv")) {
            try Design(table: table, options: DesignOptions(drop: ["a", "k", "b"]))
        }
    }
}
