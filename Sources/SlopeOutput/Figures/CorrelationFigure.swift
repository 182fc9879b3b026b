import Foundation
import SlopeCore

/// The paper's Fig. 2, extended: Spearman ρ per feature with its 95 % interval
/// (`Correlation.spearmanInterval`), Pearson r as a marker, and R2-HSIC beside,
/// features sorted by ρ, bars coloured by sign.
public enum CorrelationFigure {
    public static func render(_ analysis: Analysis) -> String {
        let features = analysis.features.sorted { ($0.spearman?.coefficient ?? 0) > ($1.spearman?.coefficient ?? 0) }
        let rowHeight = 18.0
        let labelWidth = 8 + 6.5 * Double(features.map(\.name.count).max() ?? 4)
        let plotHeight = rowHeight * Double(features.count)
        var svg = SVG(width: labelWidth + 560, height: plotHeight + 90)
        let left = PlotFrame(left: labelWidth, top: 20, width: 330, height: plotHeight, xDomain: (-1, 1), yDomain: (0, 1))
        let hsicMax = max(0.05, features.compactMap(\.hsic.r2HSIC).max() ?? 0)
        let right = PlotFrame(left: labelWidth + 370, top: 20, width: 170, height: plotHeight,
                              xDomain: (0, Ticks.niceStep(hsicMax / 4) * 4), yDomain: (0, 1))
        for (k, f) in features.enumerated() {
            let y = left.top + rowHeight * (Double(k) + 0.5)
            svg.text(labelWidth - 8, y + 4, f.name, size: 11, anchor: "end")
            if let s = f.spearman {
                let rho = s.coefficient
                let (lo, hi) = f.spearmanInterval.map { ($0.lower, $0.upper) } ?? (-1, 1)
                let x0 = left.x(0), x1 = left.x(rho)
                svg.rect(min(x0, x1), y - 6, abs(x1 - x0), 12, fill: rho >= 0 ? "#d6604d" : "#4393c3",
                         title: "\(f.name): Spearman ρ = \(String(format: "%.3f", rho)), 95 % interval [\(String(format: "%.3f", lo)), \(String(format: "%.3f", hi))], p = \(String(format: "%.2g", s.p))")
                svg.line(left.x(lo), y, left.x(hi), y, stroke: "#222", width: 1.2)
                svg.line(left.x(lo), y - 4, left.x(lo), y + 4, stroke: "#222")
                svg.line(left.x(hi), y - 4, left.x(hi), y + 4, stroke: "#222")
            }
            if let p = f.pearson {
                let x = left.x(p.coefficient)
                svg.element("path", [("d", "M\(SVG.number(x)),\(SVG.number(y - 5))l4,5l-4,5l-4,-5z"), ("fill", "#111")],
                            title: "\(f.name): Pearson r = \(String(format: "%.3f", p.coefficient)), p = \(String(format: "%.2g", p.p))")
            }
            if let h = f.hsic.r2HSIC {
                svg.rect(right.x(0), y - 6, right.x(max(0, h)) - right.x(0), 12, fill: "#7b6fb0",
                         title: "\(f.name): R2-HSIC = \(String(format: "%.3f", h)), gamma p = \(f.hsic.pGamma.map { String(format: "%.2g", $0) } ?? "-")")
            }
        }
        left.drawAxes(&svg, xTitle: "correlation with the target (bars: Spearman ρ, ◆ Pearson r)", yTitle: "", yTicks: 0)
        svg.line(left.x(0), left.top, left.x(0), left.top + plotHeight, stroke: "#444")
        right.drawAxes(&svg, xTitle: "R2-HSIC (0 = independent)", yTitle: "", xTicks: 3, yTicks: 0)
        return svg.render(label: "Spearman, Pearson and HSIC of every feature with the target")
    }
}
