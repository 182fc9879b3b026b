import Foundation
import SlopeCore

/// A study's optimisation history for one objective: each finished trial's value against its
/// number (pruned trials at their last report, red crosses), and the best value so far as a
/// staircase.
public enum OptimisationHistoryFigure {
    /// One trial's point.
    public struct Point: Sendable {
        public let trial: Int
        public let value: Double
        public let pruned: Bool

        public init(trial: Int, value: Double, pruned: Bool) {
            self.trial = trial
            self.value = value
            self.pruned = pruned
        }
    }

    /// nil when no trial has a finite value.
    public static func render(_ points: [Point], objective: String, direction: Direction) -> String? {
        let shown = points.filter(\.value.isFinite).sorted { $0.trial < $1.trial }
        guard let lo = shown.map(\.value).min(), let hi = shown.map(\.value).max(), let first = shown.first?.trial,
              let last = shown.last?.trial else { return nil }
        let width = 760.0, height = 320.0
        var svg = SVG(width: width, height: height)
        let frame = PlotFrame(left: 70, top: 14, width: width - 90, height: height - 62,
                              xDomain: PlotFrame.padded(Double(first), Double(last)), yDomain: PlotFrame.padded(lo, hi))
        frame.drawAxes(&svg, xTitle: "trial", yTitle: objective, xTicks: 6, yTicks: 5, yInBytes: objective.hasSuffix("_bytes"))
        var best: Double?, stairs: [(Double, Double)] = []
        for p in shown where !p.pruned {
            if best.map({ direction.isBetter(p.value, than: $0) }) ?? true {
                if let b = best { stairs.append((frame.x(Double(p.trial)), frame.y(b))) }
                best = p.value
                stairs.append((frame.x(Double(p.trial)), frame.y(p.value)))
            }
        }
        if let b = best { stairs.append((frame.x(Double(last)), frame.y(b))) }
        svg.polyline(stairs, stroke: "#e66101", width: 1.6, title: "best \(objective) so far")
        for p in shown {
            let (x, y) = (frame.x(Double(p.trial)), frame.y(p.value))
            let title = "trial \(p.trial): \(objective) \(TextTable.significant(p.value))" + (p.pruned ? " (pruned: its last report)" : "")
            if p.pruned {
                svg.element("path", [("d", "M\(SVG.number(x - 3)),\(SVG.number(y - 3))l6,6m0,-6l-6,6"), ("stroke", "#c0392b"), ("fill", "none")],
                            title: title)
            } else {
                svg.circle(x, y, r: 2.6, fill: "#5e81b5", title: title)
            }
        }
        return svg.render(label: "optimisation history of \(objective)")
    }
}

extension LearningCurveFigure {
    /// Every trial's learning curve of `objective`; goal-set trials (`goal`, by label) in
    /// orange. nil when no trial reported the objective at a step.
    public static func render(_ curves: [LearningCurve], objective: String, direction: Direction, goal: Set<String>) -> String? {
        render(curves, objective: TrialObjective(name: objective, direction: direction, values: []), goal: goal)
    }
}
