import Foundation
import SlopeCore

/// Parallel coordinates: one axis per hyperparameter and one for the objective, one line per
/// trial coloured by the objective (yellow best), the goal set drawn bold on top; an inactive
/// hyperparameter sits on the "n/a" line below its axis.
enum ParallelFigure {
    static func render(_ trials: TrialTable, objective k: Int, analysis: ObjectiveAnalysis) -> String {
        let objective = trials.objectives[k]
        let axes = trials.parameters.map(TrialAxis.init)
        let values = objective.values
        let known = values.compactMap { $0 }
        let lo = known.min() ?? 0, hi = known.max() ?? 1, span = hi > lo ? hi - lo : 1
        // Goodness in [0, 1]: 1 is the best value; trials without one count as the worst.
        let goodness = values.map { v -> Double in
            guard let v else { return 0 }
            return objective.direction == .minimize ? (hi - v) / span : (v - lo) / span
        }
        let members = goalMembers(objective, analysis)
        let gap = 96.0, top = 30.0, height = 300.0, left = 50.0
        let count = axes.count + 1
        var svg = SVG(width: left * 2 + gap * Double(count - 1) + 40, height: top + height + 70)
        func x(_ a: Int) -> Double { left + gap * Double(a) }
        func y(_ t: Double?) -> Double { t.map { top + height * (1 - $0) } ?? top + height + 22 }
        let order = values.indices.sorted { (members[$0] ? 1 : 0, goodness[$0]) < (members[$1] ? 1 : 0, goodness[$1]) }
        for r in order {
            var points = axes.indices.map { (x($0), y(axes[$0].positions[r])) }
            points.append((x(axes.count), y(values[r].map { ($0 - lo) / span })))
            let description = "trial \(trials.labels[r]): " + axes.indices.map { "\(axes[$0].name)=\(axes[$0].labels[r] ?? "n/a")" }.joined(separator: " ")
                + "; \(objective.name) " + (values[r].map { TextTable.significant($0) } ?? "none (failed or pruned)")
            svg.polyline(points, stroke: members[r] ? ColorMap.viridis(goodness[r]) : ColorMap.viridis(goodness[r] * 0.8),
                         width: members[r] ? 2.4 : 1, opacity: members[r] ? 1 : 0.35, title: description)
        }
        for (a, axis) in axes.enumerated() {
            draw(&svg, x: x(a), top: top, height: height, title: axis.name + (axis.kind == .log ? " (log)" : ""), ticks: axis.ticks)
        }
        let tickValues = Ticks.nice(lo, hi, count: 4)
        draw(&svg, x: x(axes.count), top: top, height: height, title: objective.name,
             ticks: zip(tickValues, Ticks.labels(tickValues, bytes: objective.name.hasSuffix("_bytes"))).map { (($0 - lo) / span, $1) })
        svg.text(left - 8, top + height + 26, "n/a", size: 10, anchor: "end", fill: "#777")
        return svg.render(label: "Parallel coordinates of the trials for \(objective.name)")
    }

    private static func draw(_ svg: inout SVG, x: Double, top: Double, height: Double, title: String, ticks: [(Double, String)]) {
        svg.line(x, top, x, top + height, stroke: "#333", width: 1.2)
        for (t, label) in ticks where t >= -1e-9 && t <= 1 + 1e-9 {
            let y = top + height * (1 - t)
            svg.line(x - 3, y, x + 3, y, stroke: "#333")
            svg.text(x + 5, y + 3, label, size: 9)
        }
        svg.text(x, top - 10, title, size: 11, anchor: "middle", weight: "bold")
    }
}
