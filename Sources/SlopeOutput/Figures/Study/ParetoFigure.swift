import SlopeCore

/// One panel per pair of objectives: every trial with both values, and that pair's Pareto
/// front (the trials no other beats on both) in orange, joined by the staircase that bounds
/// what the trials reached. Byte objectives on byte axes; an objective whose positive values
/// span more than two decades on a log axis.
enum ParetoFigure {
    static func render(_ trials: TrialTable) -> String? {
        let objectives = trials.objectives
        guard objectives.count > 1 else { return nil }
        let pairs = objectives.indices.flatMap { i in ((i + 1)..<objectives.count).map { (i, $0) } }
        let layout = SmallMultiples(count: pairs.count, columns: 3, panelWidth: 300, panelHeight: 230)
        var svg = SVG(width: layout.width, height: layout.height)
        for (panel, (i, j)) in pairs.enumerated() {
            let a = objectives[i], b = objectives[j]
            let rows = trials.labels.indices.filter { a.values[$0]?.isFinite == true && b.values[$0]?.isFinite == true }
            let xs = rows.compactMap { a.values[$0] }, ys = rows.compactMap { b.values[$0] }
            guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { continue }
            let (left, top, width, height) = layout.area(panel)
            let xLog = x0 > 0 && x1 / x0 >= 100, yLog = y0 > 0 && y1 / y0 >= 100
            let frame = PlotFrame(left: left, top: top, width: width, height: height,
                                  xDomain: PlotFrame.padded(x0, x1, log: xLog), yDomain: PlotFrame.padded(y0, y1, log: yLog),
                                  xKind: xLog ? .log : .linear, yKind: yLog ? .log : .linear)
            frame.drawAxes(&svg, xTitle: "\(a.name) (\(a.direction.rawValue)\(xLog ? ", log" : ""))",
                           yTitle: "\(b.name) (\(b.direction.rawValue)\(yLog ? ", log" : ""))",
                           xTicks: 4, yTicks: 4, fontSize: 9, xInBytes: a.name.hasSuffix("_bytes"), yInBytes: b.name.hasSuffix("_bytes"))
            let front = Set(trials.paretoFront([i, j]))
            func title(_ r: Int) -> String {
                "trial \(trials.labels[r]): \(a.name) = \(TextTable.significant(a.values[r] ?? 0)), \(b.name) = \(TextTable.significant(b.values[r] ?? 0))"
                    + (front.contains(trials.labels[r]) ? " (on the front)" : "")
            }
            for r in rows where !front.contains(trials.labels[r]) {
                svg.circle(frame.x(a.values[r] ?? 0), frame.y(b.values[r] ?? 0), r: 2.4, fill: "#9aa7b8", title: title(r))
            }
            // The staircase through the front, ordered along the first objective from its best end.
            let onFront = rows.filter { front.contains(trials.labels[$0]) }
                .sorted { a.direction.isBetter(a.values[$0] ?? 0, than: a.values[$1] ?? 0) }
            var steps: [(Double, Double)] = []
            for r in onFront {
                let x = frame.x(a.values[r] ?? 0), y = frame.y(b.values[r] ?? 0)
                if let last = steps.last { steps.append((x, last.1)) }
                steps.append((x, y))
            }
            if steps.count > 1 { svg.polyline(steps, stroke: "#e66101", width: 1.2, opacity: 0.8) }
            for r in onFront {
                svg.circle(frame.x(a.values[r] ?? 0), frame.y(b.values[r] ?? 0), r: 3.4, fill: "#e66101", title: title(r))
            }
        }
        return svg.render(label: "Pareto fronts of each pair of objectives")
    }
}
