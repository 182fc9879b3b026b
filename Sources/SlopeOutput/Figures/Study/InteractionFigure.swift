import Foundation
import SlopeCore

/// The interaction heat map of one objective: R2-HSIC of every hyperparameter (diagonal) and
/// of every pair jointly (off the diagonal, product kernel); a ring marks a significant input on
/// the diagonal and, off it, a significant interaction beyond the pair's two members.
enum InteractionFigure {
    static func render(_ o: ObjectiveAnalysis, alpha: Double) -> String? {
        guard let evidence = o.evidence, !o.pairs.isEmpty else { return nil }
        let names = evidence.parameters.map(\.name), d = names.count
        let cell = 44.0, labelWidth = 14 + 6.5 * Double(names.map(\.count).max() ?? 4)
        var svg = SVG(width: labelWidth + cell * Double(d) + 90, height: labelWidth + cell * Double(d) + 20)
        var r2 = [[Double?]](repeating: [Double?](repeating: nil, count: d), count: d)
        var text = [[String]](repeating: [String](repeating: "", count: d), count: d)
        var significant = [[Bool]](repeating: [Bool](repeating: false, count: d), count: d)
        func describe(_ index: HSICIndex) -> String {
            "R2-HSIC \(TextTable.fixed(index.r2HSIC)), HSIC \(TextTable.significant(index.hsic)), p \(TextTable.pValue(index.pValue))"
        }
        for (i, p) in evidence.parameters.enumerated() {
            let reference = p.components.first
            r2[i][i] = reference?.r2HSIC
            text[i][i] = "\(names[i]) alone: R2-HSIC \(TextTable.fixed(reference?.r2HSIC)), HSIC \(TextTable.significant(reference?.hsic)), p \(TextTable.pValue(p.pValue)) (combined evidence)"
            significant[i][i] = (p.pValue ?? 1) <= alpha
        }
        for pair in o.pairs {
            let i = names.firstIndex(of: pair.first)!, j = names.firstIndex(of: pair.second)!
            let ratio = pair.marginalSum.flatMap { m in pair.index.hsic.map { m > 0 ? $0 / m : .nan } }
            for (a, b) in [(i, j), (j, i)] {
                r2[a][b] = pair.index.r2HSIC
                text[a][b] = "\(pair.first) × \(pair.second) jointly: \(describe(pair.index)); joint / sum of marginals \(TextTable.fixed(ratio)); interaction beyond the two: p \(TextTable.pValue(pair.interaction.pValue))"
                significant[a][b] = (pair.interaction.pValue ?? 1) <= alpha
            }
        }
        let top = r2.flatMap { $0 }.compactMap { $0 }.max() ?? 1
        let x0 = labelWidth, y0 = labelWidth
        for i in 0..<d {
            svg.text(x0 - 6, y0 + cell * (Double(i) + 0.5) + 4, names[i], size: 11, anchor: "end")
            svg.element("text", [("x", "0"), ("y", "0"), ("font-size", "11"), ("text-anchor", "start"),
                                 ("transform", "translate(\(SVG.number(x0 + cell * (Double(i) + 0.5) + 4)) \(SVG.number(y0 - 6))) rotate(-60)")],
                        text: names[i])
            for j in 0..<d {
                let x = x0 + cell * Double(j), y = y0 + cell * Double(i)
                svg.rect(x, y, cell - 2, cell - 2, fill: r2[i][j].map { ColorMap.viridis(max(0, $0) / top) } ?? "#f2f2f2", title: text[i][j])
                if significant[i][j] { svg.circle(x + cell / 2 - 1, y + cell / 2 - 1, r: 5, fill: "none", stroke: "#fff") }
            }
        }
        let lx = x0 + cell * Double(d) + 20
        for k in 0...10 {
            let t = Double(k) / 10
            svg.rect(lx, y0 + cell * Double(d) * (1 - t) - cell * Double(d) / 11, 14, cell * Double(d) / 11 + 0.5, fill: ColorMap.viridis(t))
        }
        svg.text(lx + 18, y0 + 8, TextTable.fixed(top), size: 10)
        svg.text(lx + 18, y0 + cell * Double(d), "0", size: 10)
        return svg.render(label: "Interactions for \(o.objective)")
    }
}
