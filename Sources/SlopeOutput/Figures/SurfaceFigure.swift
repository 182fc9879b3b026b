import Foundation
import SlopeCore

/// The paper's Fig. 1: the loss on a plane through θ* as a heat map (viridis, log-spaced
/// colours), the restarts' paths projected onto it, the start of each path and the grid minimum.
public enum SurfaceFigure {
    public static func render(_ surface: LossSurface, directionsLabel: String) -> String {
        let grid = surface.coordinates.count
        let size = 420.0
        var svg = SVG(width: size + 160, height: size + 106)
        let frame = PlotFrame(left: 70, top: 15, width: size, height: size,
                              xDomain: (surface.coordinates.first!, surface.coordinates.last!),
                              yDomain: (surface.coordinates.first!, surface.coordinates.last!))
        let finite = surface.loss.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        // Log spacing of colours shows the valley floor, where the paths end.
        func shade(_ v: Double) -> Double { hi > lo ? log1p((v - lo) / (hi - lo) * 99) / log(100) : 0 }
        let cell = size / Double(grid - 1)
        for j in 0..<grid {
            for i in 0..<grid {
                let v = surface.loss[j * grid + i]
                let (a, b) = (surface.coordinates[i], surface.coordinates[j])
                svg.rect(frame.x(a) - cell / 2, frame.y(b) - cell / 2, cell + 0.3, cell + 0.3,
                         fill: ColorMap.viridis(shade(v)),
                         title: "α = \(Ticks.label(a)), β = \(Ticks.label(b)): loss \(String(format: "%.5g", v))")
            }
        }
        let clip = { (p: (alpha: Double, beta: Double)) -> (Double, Double) in
            let inside = abs(p.alpha) <= surface.coordinates.last! && abs(p.beta) <= surface.coordinates.last!
            return inside ? (frame.x(p.alpha), frame.y(p.beta)) : (.nan, .nan)
        }
        for (r, path) in surface.paths.enumerated() {
            let points = drawnEpochs(path.count).map { clip(path[$0]) }
            svg.polyline(points, stroke: "#ffffff", width: r == 0 ? 2 : 1, opacity: r == 0 ? 0.95 : 0.55,
                         title: "restart \(r)")
            // A dot on the first epoch only where it lies on the plane; a path that starts off
            // it gets a hollow ring where it enters (not a dot on the border that reads as a start).
            if let start = points.first, start.0.isFinite {
                svg.circle(start.0, start.1, r: 3, fill: "#ffffff", stroke: "#333", title: "restart \(r): first epoch")
            } else if let k = points.firstIndex(where: { $0.0.isFinite }) {
                svg.circle(points[k].0, points[k].1, r: 3, fill: "none", stroke: "#ffffff",
                           title: "restart \(r): enters the plane here; its first epoch lies outside it")
            }
        }
        let k = surface.minimumIndex
        let (mi, mj) = (k % grid, k / grid)
        svg.element("path", [("d", star(frame.x(surface.coordinates[mi]), frame.y(surface.coordinates[mj]))),
                             ("fill", "#ff4d4d"), ("stroke", "#fff")],
                    title: "grid minimum: loss \(String(format: "%.5g", surface.loss[k]))")
        svg.element("circle", [("cx", SVG.number(frame.x(0))), ("cy", SVG.number(frame.y(0))), ("r", "6"), ("fill", "none"),
                                ("stroke", "#ff4d4d"), ("stroke-width", "2")],
                    title: "θ*: loss \(String(format: "%.5g", surface.centerLoss))")
        frame.drawAxes(&svg, xTitle: "α (units of ‖θ*‖) along δ", yTitle: "β (units of ‖θ*‖) along η")
        drawColorBar(&svg, x: frame.left + size + 25, y: frame.top, height: size, lo: lo, hi: hi, shade: shade)
        svg.text(frame.left, frame.top + size + 58,
                 "White lines: training paths (bold: restart 0); dots: first epochs; red star: grid minimum; red ring: θ*.", size: 10)
        svg.text(frame.left, frame.top + size + 72, "White rings: where a path that starts off the plane enters it.", size: 10)
        return svg.render(label: "Loss surface on the plane \(directionsLabel)")
    }

    static func drawColorBar(_ svg: inout SVG, x: Double, y: Double, height: Double, lo: Double, hi: Double,
                             shade: (Double) -> Double) {
        let steps = 60
        for s in 0..<steps {
            let v = hi - (hi - lo) * Double(s) / Double(steps - 1)
            svg.rect(x, y + height * Double(s) / Double(steps), 16, height / Double(steps) + 0.5, fill: ColorMap.viridis(shade(v)))
        }
        svg.rect(x, y, 16, height, fill: "none", stroke: "#999")
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            svg.text(x + 20, y + height * t + 4, String(format: "%.3g", hi - (hi - lo) * t), size: 10)
        }
        svg.text(x + 8, y - 4, "loss", size: 10, anchor: "middle")
    }

    private static func star(_ x: Double, _ y: Double) -> String {
        (0..<10).map { k -> String in
            let r = k % 2 == 0 ? 8.0 : 3.5, a = Double(k) * .pi / 5 - .pi / 2
            return (k == 0 ? "M" : "L") + "\(SVG.number(x + r * cos(a))),\(SVG.number(y + r * sin(a)))"
        }.joined() + "Z"
    }
}
