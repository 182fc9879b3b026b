import Foundation
import Testing
@testable import SlopeCore
@testable import SlopeOutput

@Suite("Study report")
struct StudyReportTests {
    /// 40 trials: a log, a categorical and a conditional hyperparameter (one named `a<b&"c"`),
    /// an objective with failed trials, and a constant one that cannot be analysed.
    static func study() throws -> (StudyAnalysis, TrialTable) {
        var g = SeededGenerator(seed: 4)
        let n = 40
        let lr = (0..<n).map { _ in -4 + 4 * g.nextUnit() }
        let kind = (0..<n).map { _ in g.nextInt(below: 3) }
        let extra = kind.map { $0 == 0 ? Optional(g.nextUnit()) : nil }
        let error = lr.indices.map { k in k % 9 == 4 ? nil : Optional((lr[k] + 2) * (lr[k] + 2) + Double(kind[k])) }
        let table = TrialTable(source: "s.csv", parameters: [
            HSICInput(name: "lr", kind: .log, values: .real(lr.map { Optional($0 * log(10)) })),
            HSICInput(name: "a<b&\"c\"", kind: .categorical, values: .levels(kind, names: ["x", "y", "z"])),
            HSICInput(name: "extra", kind: .continuous, values: .real(extra)),
        ], objectives: [
            TrialObjective(name: "error", direction: .minimize, values: error),
            TrialObjective(name: "flat", direction: .minimize, values: Array(repeating: 1, count: n)),
        ], labels: (1...n).map(String.init))
        var options = StudyAnalysisOptions()
        options.permutations = 50
        options.bootstrap = 10
        options.pairs = true
        options.useGoal(0.2)
        return (try StudyAnalysis.run(table, options: options), table)
    }

    @Test("six sections, well-formed escaped SVG, no script, deterministic, unanalysable objective noted")
    func report() throws {
        let (analysis, table) = try Self.study()
        #expect(analysis.objectives[1].evidence == nil && analysis.objectives[1].note != nil)
        let html = StudyReport.render(analysis, trials: table)
        #expect(html == StudyReport.render(analysis, trials: table))
        for id in ["shares", "pairs", "parallel", "scatter", "pareto", "table"] { #expect(html.contains("<section id=\"\(id)\">")) }
        let svgs = ReportTests.svgs(html)
        #expect(svgs.count == 5)  // shares, one interaction map, parallel, scatter (one analysed objective), Pareto fronts
        // The fronts' panel marks as many trials "on the front" as the pair's front holds.
        #expect(html.components(separatedBy: "(on the front)").count - 1 == table.paretoFront([0, 1]).count)
        for svg in svgs { #expect(isWellFormedXML(svg)) }
        #expect(html.contains("a&lt;b&amp;&quot;c&quot;") && !html.contains("a<b&"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        // The failed trials appear as crosses, one per trial without a value, in each scatter panel.
        let failed = table.objectives[0].values.filter { $0 == nil }.count
        #expect(html.components(separatedBy: "none (failed or pruned)").count - 1 >= failed * table.parameters.count)
    }
}
