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

    /// Draws the frame, ticks, grid lines and axis titles into `svg`.
    public func drawAxes(_ svg: inout SVG, xTitle: String, yTitle: String, xTicks: Int = 5, yTicks: Int = 4, fontSize: Double = 10) {
        svg.rect(left, top, width, height, fill: "none", stroke: "#999")
        for v in xTicks > 0 ? x.ticks(xTicks) : [] {
            let px = x(v)
            svg.line(px, top + height, px, top + height + 4, stroke: "#666")
            svg.line(px, top, px, top + height, stroke: "#eee")
            svg.text(px, top + height + 6 + fontSize, Ticks.label(v), size: fontSize, anchor: "middle")
        }
        for v in yTicks > 0 ? y.ticks(yTicks) : [] {
            let py = y(v)
            svg.line(left - 4, py, left, py, stroke: "#666")
            svg.line(left, py, left + width, py, stroke: "#eee")
            svg.text(left - 6, py + fontSize / 3, Ticks.label(v), size: fontSize, anchor: "end")
        }
        svg.text(left + width / 2, top + height + 2 * fontSize + 10, xTitle, size: fontSize + 1, anchor: "middle")
        if !yTitle.isEmpty {
            svg.text(left - 3.6 * fontSize - 8, top + height / 2, yTitle, size: fontSize + 1, anchor: "middle", rotate: true)
        }
    }
}
