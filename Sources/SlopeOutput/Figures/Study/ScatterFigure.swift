import Foundation
import SlopeCore

/// One scatter per hyperparameter against an objective: a log axis for log hyperparameters,
/// jittered strips for levels; goal-set trials in orange, trials without a value as red
/// crosses along the top.
enum ScatterFigure {
    static func render(_ trials: TrialTable, objective k: Int, analysis: ObjectiveAnalysis) -> String {
        let objective = trials.objectives[k]
        let members = goalMembers(objective, analysis)
        let known = objective.values.compactMap { $0 }
        let lo = known.min() ?? 0, hi = known.max() ?? 1
        let layout = SmallMultiples(count: trials.parameters.count, columns: 4, panelWidth: 250, panelHeight: 190)
        var svg = SVG(width: layout.width, height: layout.height)
        var jitter = SeededGenerator(seed: UInt64(k))
        for (p, input) in trials.parameters.enumerated() {
            let axis = TrialAxis(input)
            let (left, top, width, height) = layout.area(p)
            let frame = PlotFrame(left: left, top: top, width: width, height: height, xDomain: (-0.05, 1.05),
                                  yDomain: PlotFrame.padded(lo, hi))
            frame.drawAxes(&svg, xTitle: axis.name + (axis.kind == .log ? " (log)" : ""), yTitle: p % 4 == 0 ? objective.name : "",
                           xTicks: 0, yTicks: 4, fontSize: 9, yInBytes: objective.name.hasSuffix("_bytes"))
            for (t, label) in axis.ticks where t >= -1e-9 && t <= 1 + 1e-9 {
                svg.line(frame.x(t), top + height, frame.x(t), top + height + 4, stroke: "#666")
                svg.text(frame.x(t), top + height + 14, label, size: 9, anchor: "middle")
            }
            for r in objective.values.indices {
                guard let position = axis.positions[r] else { continue }
                let spread = axis.isLevels ? (jitter.nextUnit() - 0.5) * 0.5 / Double(max(1, axis.ticks.count)) : 0
                let x = frame.x(position + spread)
                let title = "trial \(trials.labels[r]): \(axis.name) = \(axis.labels[r] ?? ""), \(objective.name) = " + (objective.values[r].map { TextTable.significant($0) } ?? "none (failed or pruned)")
                if let v = objective.values[r] {
                    svg.circle(x, frame.y(v), r: members[r] ? 3.2 : 2.4, fill: members[r] ? "#e66101" : "#5e81b5", title: title)
                } else {
                    svg.element("path", [("d", "M\(SVG.number(x - 3)),\(SVG.number(top + 1))l6,6m0,-6l-6,6"), ("stroke", "#c0392b"), ("fill", "none")], title: title)
                }
            }
        }
        return svg.render(label: "\(objective.name) against each hyperparameter")
    }
}
