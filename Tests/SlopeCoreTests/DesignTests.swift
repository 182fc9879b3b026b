import Foundation
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
        #expect(design.column(1) == [0, 1.0 / 3, 1])
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

    /// A random table written as CSV, with an ID column of text.
    private func randomCSV(rows: Int) throws -> (path: String, table: Table) {
        var g = SeededGenerator(seed: 11)
        let columns = (0..<4).map { j in (0..<rows).map { _ in j == 2 ? 3 : (g.nextUnit() * 200 - 100).rounded() / 7 } }
        var text = "id,p,q,k,y\n"
        for r in 0..<rows { text += "row\(r)," + columns.map { "\($0[r])" }.joined(separator: ",") + "\n" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("slope-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, try Table(source: path, columnNames: ["p", "q", "k", "y"], columns: columns))
    }

    @Test func readingACSVStraightIntoADesignGivesTheSameBitsAsATable() throws {
        let (path, table) = try randomCSV(rows: 500)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try CSVReader()
        reader.blockSize = 100
        for (features, targets) in [(FeatureScaling.minMax, TargetScaling.range(-1, 1)), (.zScore, .zScore), (.none, .none)] {
            let options = DesignOptions(featureScaling: features, targetScaling: targets)
            var reported = 0
            let streamed = try Design(csvAt: path, reader: reader, options: DesignOptions(
                drop: ["id"], featureScaling: features, targetScaling: targets), progress: { read, _ in reported = read })
            let whole = try Design(table: table, options: options)
            #expect(streamed.x == whole.x && streamed.target == whole.target)
            #expect(streamed.featureNames == ["p", "q"] && streamed.constantFeatures == ["k"])
            #expect(reported == (try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int))
        }
    }

    @Test func aCSVDesignParsesOnlyTheColumnsItKeeps() throws {
        let (path, _) = try randomCSV(rows: 5)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SlopeError.notANumber(file: path, row: 2, column: 1, name: "id", text: "row0")) {
            try Design(csvAt: path, reader: CSVReader(), options: DesignOptions())
        }
    }

    /// Blocks parsed in parallel start from the right line: quoted line breaks (in a dropped
    /// column), CRLF and lone CR endings, a bad cell far into the file.
    @Test func anErrorInALaterBlockNamesItsLine() throws {
        var text = "id,a,y\n"
        let endings = ["\n", "\r\n", "\r"]
        for i in 0..<200 {
            // Each record spans two lines: its id holds a line break.
            text += "\"r\n\(i)\",\(i == 150 ? "x" : "\(i % 7)"),\(i % 5)" + endings[i % 3]
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("slope-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for blockSize in [16, 64, 1 << 22] {
            var reader = try CSVReader()
            reader.blockSize = blockSize
            #expect(throws: SlopeError.notANumber(file: path, row: 2 + 2 * 150, column: 2, name: "a", text: "x"), "block \(blockSize)") {
                try Design(csvAt: path, reader: reader, options: DesignOptions(drop: ["id"]))
            }
        }
    }
}
