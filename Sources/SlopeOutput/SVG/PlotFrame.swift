import Foundation
/// The plot area of a chart inside its SVG, with the x and y scales and the axes drawn
/// around it (ticks with "nice" labels, axis titles with units).
public struct PlotFrame: Sendable {
    public let left, top, width, height: Double
    public let x: Scale
    public let y: Scale

    /// - Parameters: `xKind` / `yKind` choose linear or log axes; `flipX` runs x from right to left.
    public init(left: Double, top: Double, width: Double, height: Double,
                xDomain: (Double, Double), yDomain: (Double, Double),
                xKind: Scale.Kind = .linear, yKind: Scale.Kind = .linear, flipX: Bool = false) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        let xr = flipX ? (left + width, left) : (left, left + width)
        x = xKind == .linear ? .linear(xDomain, to: xr) : .log(xDomain, to: xr)
        y = yKind == .linear ? .linear(yDomain, to: (top + height, top)) : .log(yDomain, to: (top + height, top))
    }

    /// The domain of values from `lo` to `hi` widened by 4 % at each end (in log space for a log
    /// axis), so that the points at the ends are drawn inside the frame, not on it; a single
    /// value gets a domain around it.
    public static func padded(_ lo: Double, _ hi: Double, log: Bool = false) -> (Double, Double) {
        if log, lo > 0, hi > lo {
            let (a, b) = (Foundation.log10(lo), Foundation.log10(hi)), pad = 0.04 * (b - a)
            return (pow(10, a - pad), pow(10, b + pad))
        }
        guard hi > lo else { return lo == 0 ? (-1, 1) : (lo - abs(lo) / 2, hi + abs(hi) / 2) }
        let pad = 0.04 * (hi - lo)
        return (lo - pad, hi + pad)
    }

    /// Draws the frame, ticks, grid lines and axis titles into `svg`.
    /// - Parameter yInBytes: the y axis holds bytes (labelled in kB, MB or GB).
    public func drawAxes(_ svg: inout SVG, xTitle: String, yTitle: String, xTicks: Int = 5, yTicks: Int = 4, fontSize: Double = 10,
                         xInBytes: Bool = false, yInBytes: Bool = false) {
        svg.rect(left, top, width, height, fill: "none", stroke: "#999")
        // At least two labelled ticks on an axis that has any: ask for finer ones if needed.
        func ticks(_ scale: Scale, _ count: Int) -> [Double] {
            guard count > 0 else { return [] }
            let coarse = scale.ticks(count)
            return coarse.count >= 2 ? coarse : scale.ticks(count * 2)
        }
        let xs = ticks(x, xTicks)
        for (v, text) in zip(xs, Ticks.labels(xs, bytes: xInBytes)) {
            let px = x(v)
            svg.line(px, top + height, px, top + height + 4, stroke: "#666")
            svg.line(px, top, px, top + height, stroke: "#eee")
            svg.text(px, top + height + 6 + fontSize, text, size: fontSize, anchor: "middle")
        }
        let ys = ticks(y, yTicks), yLabels = Ticks.labels(ys, bytes: yInBytes)
        for (v, text) in zip(ys, yLabels) {
            let py = y(v)
            svg.line(left - 4, py, left, py, stroke: "#666")
            svg.line(left, py, left + width, py, stroke: "#eee")
            svg.text(left - 6, py + fontSize / 3, text, size: fontSize, anchor: "end")
        }
        svg.text(left + width / 2, top + height + 2 * fontSize + 10, xTitle, size: fontSize + 1, anchor: "middle")
        if !yTitle.isEmpty {
            // Beside the widest tick label (about 0.62 em a character), never over it.
            let widest = 0.62 * fontSize * Double(yLabels.map(\.count).max() ?? 0)
            svg.text(min(left - 3.6 * fontSize - 8, left - 6 - widest - 0.8 * fontSize), top + height / 2, yTitle,
                     size: fontSize + 1, anchor: "middle", rotate: true)
        }
    }
}
