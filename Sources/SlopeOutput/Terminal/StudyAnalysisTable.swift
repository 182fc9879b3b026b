import SlopeCore
/// The terminal form of a `StudyAnalysis`: the rankings side by side, each objective's HSIC
/// table with Spearman's ρ next to it, the trade-offs and the summary.
public enum StudyAnalysisTable {
    public static func render(_ analysis: StudyAnalysis) -> String {
        let missing = analysis.missing == .worst ? "trials without a value count as the worst" : "trials without a value are left out"
        var out = "\(analysis.source): \(analysis.trials) trials, \(analysis.parameters.count) hyperparameters; "
        out += "goal: the best \(analysis.goal) of each objective; \(missing)\n"
        if let selection = analysis.selection { out += selection + "\n" }
        out += analysis.stageDecisions.map { $0 + "\n" }.joined()
        out += "\n"
        out += sideBySide(analysis) + "\n"
        for o in analysis.objectives {
            out += "== \(o.objective) (\(o.direction.rawValue); \(o.rows) trials"
            out += o.imputed > 0 ? ", \(o.imputed) without a value) ==\n" : ") ==\n"
            guard let hsic = o.hsic else {
                out += "not analysed: \(o.note ?? "")\n\n"
                continue
            }
            out += HSICTable.render(hsic, alpha: analysis.alpha)
            if let small = o.smallGoal {
                out += "warning: the goal set holds \(small.count) trials; with fewer than \(ObjectiveAnalysis.smallGoalSet) the p-values can hardly reach \(analysis.alpha) (a goal fraction of \(small.fraction) puts \(ObjectiveAnalysis.smallGoalSet) trials in it)\n"
            }
            let baseline = o.spearman.filter { $0.test != nil }
            if !baseline.isEmpty {
                out += "Spearman's rho (baseline): "
                out += baseline.map { "\($0.parameter) \(TextTable.fixed($0.test!.coefficient)) (p \(TextTable.pValue($0.test!.p)))" }
                    .joined(separator: ", ") + "\n"
            }
            out += "\n"
        }
        if !analysis.tradeOffs.isEmpty {
            out += "trade-offs (Spearman, p <= \(analysis.alpha)):\n"
            out += analysis.tradeOffs.map { "  \($0.parameter): improves \($0.improves), worsens \($0.worsens)\n" }.joined() + "\n"
        }
        if !analysis.pareto.isEmpty {
            out += "Pareto front (\(analysis.objectives.map(\.objective).joined(separator: ", "))): \(analysis.pareto.count) trials: "
            out += analysis.pareto.joined(separator: ", ") + "\n\n"
        }
        out += "summary:\n" + StudySummary.sentences(analysis).map { "  \($0)\n" }.joined()
        return out
    }

    /// Rank k of every objective in one row: "name R2 marker", the marker * when significant.
    private static func sideBySide(_ analysis: StudyAnalysis) -> String {
        let columns = analysis.objectives.map { o -> [String] in
            guard let hsic = o.hsic else { return ["(not analysed)"] }
            return hsic.ranked.filter { $0.hsic != nil }.map { index in
                let star = (index.pValue ?? 1) <= analysis.alpha ? " *" : ""
                return "\(index.name) \(TextTable.fixed(index.r2HSIC))\(star)"
            }
        }
        let depth = columns.map(\.count).max() ?? 0
        let rows = (0..<depth).map { k in ["\(k + 1)"] + columns.map { k < $0.count ? $0[k] : "" } }
        return "R2-HSIC ranking (* p <= \(analysis.alpha)):\n"
            + TextTable.render(header: ["#"] + analysis.objectives.map(\.objective), rows: rows,
                               leftAligned: Set(1...max(1, analysis.objectives.count)))
    }
}
