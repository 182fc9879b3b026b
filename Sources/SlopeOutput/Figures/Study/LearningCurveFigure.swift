import Foundation
import SlopeCore

/// Every trial's learning curve of one objective: value against step, one line a trial.
/// Trials in the goal set (the objective's best, as the analysis drew it) in orange on top,
/// the other completed trials grey, pruned trials red with a cross where they were stopped.
public enum LearningCurveFigure {
    static let good = "#e66101", other = "#9aa5b1", pruned = "#c0392b"

    /// nil when no trial reported the objective at a step.
    static func render(_ curves: [LearningCurve], objective: TrialObjective, goal members: Set<String>) -> String? {
        let mine = curves.filter { $0.objective == objective.name && !$0.steps.isEmpty }
        let values = mine.flatMap(\.values).filter(\.isFinite)
        guard let lo = values.min(), let hi = values.max(), let first = mine.compactMap(\.steps.first).min(),
              let last = mine.compactMap(\.steps.last).max() else { return nil }
        let width = 760.0, height = 380.0
        var svg = SVG(width: width, height: height)
        let frame = PlotFrame(left: 70, top: 16, width: width - 90, height: height - 66,
                              xDomain: PlotFrame.padded(Double(first), Double(last)), yDomain: PlotFrame.padded(lo, hi))
        frame.drawAxes(&svg, xTitle: "step", yTitle: objective.name, xTicks: 6, yTicks: 5, yInBytes: objective.name.hasSuffix("_bytes"))
        // Grey first, then pruned, then the goal set on top.
        func rank(_ c: LearningCurve) -> Int { members.contains(c.label) ? 2 : c.pruned ? 1 : 0 }
        for c in mine.sorted(by: { (rank($0), $0.label) < (rank($1), $1.label) }) {
            let colour = members.contains(c.label) ? good : c.pruned ? pruned : other
            let points = zip(c.steps, c.values).map { (frame.x(Double($0)), $1.isFinite ? frame.y($1) : .nan) }
            let state = members.contains(c.label) ? "in the goal set" : c.pruned ? "pruned at step \(c.steps.last ?? 0)" : "completed"
            let title = "trial \(c.label) (\(state)): \(objective.name) " + (c.values.last(where: \.isFinite).map { TextTable.significant($0) } ?? "none")
                + " at step \(c.steps.last ?? 0)"
            svg.polyline(points, stroke: colour, width: rank(c) == 2 ? 1.8 : 1, opacity: rank(c) == 0 ? 0.6 : 0.9, title: title)
            if points.count == 1, let p = points.first, p.1.isFinite { svg.circle(p.0, p.1, r: 1.8, fill: colour, title: title) }
            if c.pruned, let p = points.last(where: { $0.1.isFinite }) {
                svg.element("path", [("d", "M\(SVG.number(p.0 - 3)),\(SVG.number(p.1 - 3))l6,6m0,-6l-6,6"), ("stroke", pruned),
                                     ("fill", "none")], title: title)
            }
        }
        return svg.render(label: "learning curves of \(objective.name)")
    }
}
