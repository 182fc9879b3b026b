import SlopeCore

/// The paper's Fig. 3: the second derivative of the loss for every feature's weight, one
/// panel per feature (in rank order), every restart faint and their median bold, against
/// the epoch or against the loss (flipped: left to right as the loss falls). On the loss axis,
/// dots on the median mark every tenth of the epochs: the trend ranks epochs, not loss, so
/// where the dots crowd (late, at low loss) weighs most in the label.
public enum HistoryFigure {
    public enum Axis: String, Sendable { case epoch, loss }

    public static func render(_ analysis: Analysis, histories: [History], quantity: Quantity, axis: Axis) -> String {
        let layout = SmallMultiples(count: analysis.features.count)
        var svg = SVG(width: layout.width, height: layout.height)
        let epochs = drawnEpochs(histories[0].epochCount)
        let names = histories[0].parameterNames
        for (k, feature) in analysis.features.enumerated() {
            let p = names.firstIndex(of: feature.name)!
            let series = histories.map { h in epochs.map { h.value(quantity, parameter: p, epoch: $0) } }
            let median = epochs.indices.map { e in Median.of(series.map { $0[e] }) ?? .nan }
            let xs: [[Double]] = histories.map { h in epochs.map { axis == .epoch ? Double($0) : h.loss[$0] } }
            let all = series.flatMap { $0 }.filter(\.isFinite), allX = xs.flatMap { $0 }
            let (l, t, w, h) = layout.area(k)
            let frame = PlotFrame(left: l, top: t, width: w, height: h,
                                  xDomain: (allX.min() ?? 0, allX.max() ?? 1), yDomain: (all.min() ?? 0, all.max() ?? 1),
                                  flipX: axis == .loss)
            frame.drawAxes(&svg, xTitle: axis == .epoch ? "epoch" : "loss (falls →)", yTitle: quantity == .d2 ? "d2" : "d2 tape",
                           xTicks: 4, yTicks: 3, fontSize: 9)
            for (r, s) in series.enumerated() {
                svg.polyline(zip(xs[r], s).map { (frame.x($0), frame.y($1)) }, stroke: "#4a6fa5", width: 1, opacity: 0.3,
                             title: "\(feature.name), restart \(r)")
            }
            let medianX = epochs.indices.map { e in Median.of(xs.map { $0[e] }) ?? .nan }
            svg.polyline(zip(medianX, median).map { (frame.x($0), frame.y($1)) }, stroke: "#111", width: 2,
                         title: "\(feature.name): median over \(histories.count) restarts")
            if axis == .loss {
                let count = histories[0].epochCount
                for tenth in 1...9 {
                    let epoch = tenth * count / 10
                    guard let e = epochs.firstIndex(where: { $0 >= epoch }), medianX[e].isFinite, median[e].isFinite else { continue }
                    svg.circle(frame.x(medianX[e]), frame.y(median[e]), r: 2.5, fill: "#e08214",
                               title: "\(feature.name): \(tenth * 10) % of the epochs done")
                }
            }
            let color = feature.trend.label == .increasing ? "#b2182b" : feature.trend.label == .decreasing ? "#2166ac" : "#555"
            svg.text(l, t - 7, "\(feature.rank). \(feature.name): \(feature.trend.label.rawValue)", size: 11, weight: "bold", fill: color)
        }
        return svg.render(label: "\(quantity.rawValue) of every feature's weight against \(axis.rawValue)")
    }
}
