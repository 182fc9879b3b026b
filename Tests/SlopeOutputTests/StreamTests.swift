import Foundation
import Testing
@testable import SlopeCore
@testable import SlopeOutput

/// Streamed outputs are the bytes the whole-value encoders give.
@Suite struct StreamTests {
    /// What `write` streams into a temporary file.
    func streamed(_ write: (TextStream) throws -> Void) throws -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        let stream = TextStream(descriptor: descriptor, name: path)
        try write(stream)
        try stream.flush()
        close(descriptor)
        defer { unlink(path) }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func analysisJSONWithItsHistoryIsTheEncodersBytes() throws {
        var g = SeededGenerator(seed: 4)
        let rows = 40
        let x1 = (0..<rows).map { _ in g.nextUnit() }, x2 = (0..<rows).map { _ in g.nextUnit() * 1e-7 }
        let y = zip(x1, x2).map { $0 - 0.5 * $1 + 0.1 * g.nextUnit() }
        // A name that needs escaping, and numbers in every JSON form (tiny, integral, negative).
        let table = try Table(source: "t.csv", columnNames: ["a\"b\\/é\n", "tiny", "y"], columns: [x1, x2, y])
        let design = try Design(table: table, options: DesignOptions(target: "y", featureScaling: .none))
        var training = TrainingOptions()
        training.epochs = 30
        training.restarts = 3
        let histories = try Trainer.train(design, options: training)
        for include in [true, false] {
            let analysis = try Analysis(design: design, source: "t.csv", training: training, featureScaling: .none,
                                        reading: ReadingOptions(), histories: histories, includeHistory: include)
            #expect(try streamed { try AnalysisJSONStream.write(analysis, to: $0) } == JSONOutput.encode(analysis))
        }
    }

    @Test func historyCSVHasARowPerRestartEpochAndParameter() throws {
        let (_, histories, _) = try ReportTests.analysis()
        let text = String(decoding: try streamed { try HistoryCSV.write(histories, to: $0) }, as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == Substring(HistoryCSV.header))
        #expect(lines.count == 1 + 3 * 60 * 3)
        #expect(lines[1].hasPrefix("0,0,\"a<b&\"\"c\"\"\","))
    }
}
