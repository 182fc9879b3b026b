import SlopeCore

/// The paper's Fig. 4: |d1| and |d3| per feature on a log axis (medians over restarts), with
/// the epoch where each first falls below 10 % of its start marked.
public enum DecayFigure {
    public static func render(_ analysis: Analysis, histories: [History]) -> String {
        let layout = SmallMultiples(count: analysis.features.count)
        var svg = SVG(width: layout.width, height: layout.height)
        let epochs = drawnEpochs(histories[0].epochCount)
        let names = histories[0].parameterNames
        let colors: [(Quantity, String)] = [(.d1, "#1b9e77"), (.d3, "#d95f02")]
        for (k, feature) in analysis.features.enumerated() {
            let p = names.firstIndex(of: feature.name)!
            let medians = colors.map { q, _ in
                epochs.map { e in Median.of(histories.map { abs($0.value(q, parameter: p, epoch: e)) }) ?? .nan }
            }
            let positive = medians.flatMap { $0 }.filter { $0 > 0 && $0.isFinite }
            let (l, t, w, h) = layout.area(k)
            let frame = PlotFrame(left: l, top: t, width: w, height: h,
                                  xDomain: (0, Double(histories[0].epochCount - 1)),
                                  yDomain: (positive.min() ?? 1e-6, positive.max() ?? 1), yKind: .log)
            frame.drawAxes(&svg, xTitle: "epoch", yTitle: "|d1|, |d3|", xTicks: 4, yTicks: 3, fontSize: 9)
            for (c, (q, color)) in colors.enumerated() {
                svg.polyline(zip(epochs, medians[c]).map { (frame.x(Double($0)), $1 > 0 ? frame.y($1) : .nan) },
                             stroke: color, width: 1.6, title: "\(feature.name): median |\(q.rawValue)|")
                let decay = q == .d1 ? feature.d1Decay : feature.d3Decay
                if let e = Median.of(decay.firstEpochBelowTenth.compactMap { $0.map(Double.init) }) {
                    svg.line(frame.x(e), t, frame.x(e), t + h, stroke: color, width: 1, dash: "4 3")
                    svg.element("rect", [("x", SVG.number(frame.x(e) - 3)), ("y", SVG.number(t)), ("width", "6"),
                                         ("height", SVG.number(h)), ("fill", "transparent")],
                                title: "\(feature.name): |\(q.rawValue)| below 10 % of its start at epoch \(Int(e)) (median)")
                }
            }
            svg.text(l, t - 7, "\(feature.rank). \(feature.name)", size: 11, weight: "bold")
        }
        return svg.render(label: "|d1| and |d3| of every feature's weight against epoch")
    }
}
