import Foundation
import Testing
@testable import SlopeCore
@testable import SlopeOutput

@Suite("Reports")
struct ReportTests {
    /// A small analysis whose first feature is called `a<b&"c"`.
    static func analysis() throws -> (Analysis, [History], LossSurface) {
        var g = SeededGenerator(seed: 1)
        let rows = 60
        let x1 = (0..<rows).map { _ in g.nextUnit() }, x2 = (0..<rows).map { _ in g.nextUnit() }
        let y = zip(x1, x2).map { $0 - 0.5 * $1 + 0.1 * g.nextUnit() }
        let table = try Table(source: "t.csv", columnNames: ["a<b&\"c\"", "plain", "y"], columns: [x1, x2, y])
        let design = try Design(table: table, options: DesignOptions(target: "y"))
        var training = TrainingOptions()
        training.epochs = 60
        training.restarts = 3
        let histories = try Trainer.train(design, options: training)
        let analysis = try Analysis(design: design, source: "t.csv", training: training, featureScaling: .minMax,
                                    reading: ReadingOptions(), histories: histories, includeHistory: false)
        let surface = LossSurface(loss: NetworkLoss(design: design, activation: .tanh, loss: .mse),
                                  histories: histories, directions: .random(seed: 0), grid: 9, span: 1)
        return (analysis, histories, surface)
    }

    /// Every `<svg …>…</svg>` of a page.
    static func svgs(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }

    @Test("the analysis report: five sections, well-formed escaped SVG, no script or external resource, deterministic")
    func analysisReport() throws {
        let (analysis, histories, surface) = try Self.analysis()
        let html = AnalysisReport.render(analysis, histories: histories, surface: surface, directions: "random")
        let again = AnalysisReport.render(analysis, histories: histories, surface: surface, directions: "random")
        #expect(html == again)
        for id in ["surface", "correlations", "histories", "decay", "agreement"] {
            #expect(html.contains("<section id=\"\(id)\">"))
        }
        let svgs = Self.svgs(html)
        #expect(svgs.count == 7)  // surface, correlations, 4 history panes, decay
        for svg in svgs { #expect(isWellFormedXML(svg)) }
        #expect(html.contains("a&lt;b&amp;&quot;c&quot;"))
        #expect(!html.contains("a<b&"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
    }
}
