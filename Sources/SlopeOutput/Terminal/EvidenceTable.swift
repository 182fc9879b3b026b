import SlopeCore

/// The terminal form of one objective's goal-level evidence: what it was measured against,
/// the hyperparameters ranked by evidence, the significance line and, when measured, the pairs.
public enum EvidenceTable {
    public static func render(_ o: ObjectiveAnalysis, evidence e: GoalEvidence, alpha: Double) -> String {
        var out = describe(o, e) + "\n\n"
        let single = e.components.count == 1
        let notes = e.parameters.contains { $0.note != nil }
        let adjusted = e.parameters.contains { $0.pAdjusted != nil }
        let rows = e.ranked.enumerated().map { r, p -> [String] in
            let c = p.component(0)
            var row = [p.pCombined == nil ? "-" : "\(r + 1)", p.name, p.kind?.rawValue ?? "", "\(p.rows)"]
            if single {
                row += [TextTable.significant(c?.hsic), TextTable.fixed(c?.r2HSIC),
                        TextTable.pValue(c?.pGamma), TextTable.pValue(c?.pPermutation)]
            } else {
                row += e.components.indices.map { k in TextTable.fixed(p.component(k)?.r2HSIC) }
                row += [TextTable.pValue(p.pCombined), p.carrier.map { e.components[$0].description } ?? "-"]
            }
            return row + (adjusted ? [TextTable.pValue(p.pAdjusted)] : [])
                + (e.bootstrap > 0 ? [TextTable.interval(p.r2Interval)] : []) + (notes ? [p.note ?? ""] : [])
        }
        var header = ["#", "hyperparameter", "kind", "rows"]
        header += single ? ["HSIC", "R2-HSIC", "p gamma", "p perm"]
            : e.components.map { "R2 \($0)" } + ["p", "carried by"]
        header += (adjusted ? ["p adj"] : []) + (e.bootstrap > 0 ? ["R2 \(e.components[0]) \(Int((e.confidence * 100).rounded()))% interval"] : [])
            + (notes ? ["note"] : [])
        out += TextTable.render(header: header, rows: rows, leftAligned: Set([1, 2] + (notes ? [header.count - 1] : [])))
        let tests = e.parameters.filter { $0.pAdjusted != nil }.count
        let which = (single ? (e.permutations > 0 ? "permutation p-value, \(e.permutations) permutations" : "gamma p-value")
                            : "combined p-value, \(e.permutations) permutations")
            + (adjusted ? ", adjusted over the \(tests) hyperparameters" : "")
        let significant = e.significant(at: alpha)
        out += "\nsignificant at alpha \(alpha) (\(which)): " + (significant.isEmpty ? "none\n" : significant.joined(separator: ", ") + "\n")
        if !o.pairs.isEmpty {
            out += "\n" + HSICTable.pairs(o.pairs, names: e.parameters.map(\.name), marginals: e.parameters.map { $0.components.first?.hsic })
        }
        return out
    }

    /// "target HSIC of error at the best 0.1 (<= 0.12, 10 trials), 0.25 (<= 0.3, 25 trials)
    /// and over the whole ranking; one p-value combining them (...)".
    private static func describe(_ o: ObjectiveAnalysis, _ e: GoalEvidence) -> String {
        let side = o.direction == .minimize ? "<=" : ">="
        var levels: [String] = []
        var ranked = false
        for (k, component) in e.components.enumerated() {
            switch component {
            case .goal(let fraction):
                let count = e.goalCounts[k].map { ", \(counted($0, "trial"))" } ?? ", every trial"
                levels.append("\(fraction) (\(side) \(TextTable.significant(e.thresholds[k]))\(count))")
            case .ranked:
                ranked = true
            }
        }
        var what = "target HSIC of \(o.objective) at the best " + (ranked ? levels.joined(separator: ", ") : StudySummary.list(levels))
        if ranked { what += " and over the whole ranking" }
        return what + (e.components.count > 1 ? "; p combines them (Cauchy combination calibrated by the same permutations)" : "")
    }
}
