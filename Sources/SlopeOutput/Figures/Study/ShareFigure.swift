import Foundation
import SlopeCore

/// Novello et al.'s figure: for each objective, one bar split among the hyperparameters shown
/// to matter, by their HSIC weighted by the trials where they are active
/// (`ObjectiveAnalysis.shares`); a sentence instead of a bar when none is.
enum ShareFigure {
    static func render(_ analysis: StudyAnalysis) -> String {
        let objectives = analysis.objectives.filter { $0.evidence != nil }
        let names = analysis.parameters.map(\.name)
        let labelWidth = 14 + 7 * Double(objectives.map(\.objective.count).max() ?? 6)
        let barHeight = 26.0, plotWidth = 620.0
        let legendRows = (names.count + 4) / 5
        var svg = SVG(width: labelWidth + plotWidth + 20, height: 40 + Double(objectives.count) * (barHeight + 12) + 24 + 18 * Double(legendRows))
        let frame = PlotFrame(left: labelWidth, top: 16, width: plotWidth, height: Double(objectives.count) * (barHeight + 12),
                              xDomain: (0, 1), yDomain: (0, 1))
        for (row, o) in objectives.enumerated() {
            let y = frame.top + Double(row) * (barHeight + 12) + 6
            svg.text(labelWidth - 8, y + barHeight / 2 + 4, o.objective, size: 12, anchor: "end")
            let shares = o.shares(alpha: analysis.alpha)
            guard !shares.isEmpty else {
                svg.text(frame.x(0) + 8, y + barHeight / 2 + 4, "no hyperparameter is shown to matter (adjusted p > \(analysis.alpha))",
                         size: 11, fill: "#555")
                continue
            }
            var x = 0.0
            for (i, share) in shares.enumerated() {
                guard let share, share > 0, let evidence = o.evidence?.parameters[i] else { continue }
                svg.element("rect", [("x", SVG.number(frame.x(x))), ("y", SVG.number(y)), ("width", SVG.number(frame.x(x + share) - frame.x(x))),
                                     ("height", SVG.number(barHeight)), ("fill", ColorMap.category(i)), ("stroke", "#fff")],
                            title: "\(o.objective): \(names[i]) \(String(format: "%.1f", 100 * share)) % (\(o.shareComponent.map { "\($0)" } ?? ""), active on \(evidence.rows) of \(o.rows) trials), p adj \(TextTable.pValue(evidence.pValue))")
                // A label only where it fits (10 px text is up to 6.5 px a character).
                if frame.x(x + share) - frame.x(x) >= 6.5 * Double(names[i].count) + 10 { svg.text(frame.x(x + share / 2), y + barHeight / 2 + 4, names[i], size: 10, anchor: "middle", fill: "#fff") }
                x += share
            }
        }
        frame.drawAxes(&svg, xTitle: "share of what decides the objective", yTitle: "", xTicks: 5, yTicks: 0)
        let legendTop = frame.top + frame.height + 44
        for (i, name) in names.enumerated() {
            let x = labelWidth + Double(i % 5) * 125, y = legendTop + Double(i / 5) * 18
            svg.rect(x, y - 9, 12, 12, fill: ColorMap.category(i))
            svg.text(x + 16, y + 1, name, size: 11)
        }
        return svg.render(label: "Shares of HSIC per objective")
    }
}
