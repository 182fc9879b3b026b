import SlopeCore
/// The terminal form of a `StudyAnalysis`: the rankings side by side, each objective's HSIC
/// table with Spearman's ρ next to it, the trade-offs and the summary.
public enum StudyAnalysisTable {
    public static func render(_ analysis: StudyAnalysis) -> String {
        let missing = analysis.missing == .worst ? "trials without a value count as the worst" : "trials without a value are left out"
        var out = "\(analysis.source): \(counted(analysis.trials, "trial")), \(counted(analysis.parameters.count, "hyperparameter")); "
        out += "\(evidenceText(analysis)); \(missing)\n"
        out += (analysis.provenance?.sentences ?? []).map { $0 + "\n" }.joined()
        out += "\n"
        out += sideBySide(analysis) + "\n"
        for o in analysis.objectives {
            out += "== \(o.objective) (\(o.direction.rawValue); \(counted(o.rows, "trial"))"
            out += o.imputed > 0 ? ", \(o.imputed) without a value" : ""
            out += o.prunedRanked > 0 ? ", \(o.prunedRanked) pruned ranked below the completed" : ""
            out += o.prunedLeftOut > 0 ? ", \(o.prunedLeftOut) pruned left out (their last report reached the goal)" : ""
            out += o.prunedNotRead > 0 ? ", \(o.prunedNotRead) pruned not read (no value of their own)" : ""
            out += ") ==\n"
            guard let evidence = o.evidence else {
                out += "not analysed: \(o.note ?? "")\n\n"
                continue
            }
            out += EvidenceTable.render(o, evidence: evidence, alpha: analysis.alpha)
            if let note = o.note { out += "note: \(note)\n" }
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
            out += "Pareto front (\(analysis.objectives.map(\.objective).joined(separator: ", "))): \(counted(analysis.pareto.count, "trial")): "
            out += analysis.pareto.joined(separator: ", ") + "\n\n"
        }
        out += "summary:\n" + StudySummary.sentences(analysis).map { "  \($0)\n" }.joined()
        return out
    }

    /// "goal: the best 0.1 of each objective", or the combined levels.
    static func evidenceText(_ analysis: StudyAnalysis) -> String {
        guard analysis.components.count > 1 else { return "goal: the best \(analysis.goal) of each objective" }
        let levels = analysis.components.compactMap { $0.fraction.map { "\($0)" } }
        return "evidence: the best " + StudySummary.list(levels) + " of each objective"
            + (analysis.components.contains(.ranked) ? " and its whole ranking, combined" : ", combined")
    }

    /// Rank k of every objective in one row: "name p marker", the marker * when significant.
    private static func sideBySide(_ analysis: StudyAnalysis) -> String {
        let columns = analysis.objectives.map { o -> [String] in
            guard let evidence = o.evidence else { return ["(not analysed)"] }
            return evidence.ranked.filter { $0.pCombined != nil }.map { p in
                let star = (p.pValue ?? 1) <= analysis.alpha ? " *" : ""
                return "\(p.name) \(TextTable.pValue(p.pValue))\(star)"
            }
        }
        let depth = columns.map(\.count).max() ?? 0
        let rows = (0..<depth).map { k in ["\(k + 1)"] + columns.map { k < $0.count ? $0[k] : "" } }
        return "ranking by evidence (p\(analysis.objectives.contains { $0.evidence?.parameters.contains { $0.pAdjusted != nil } ?? false } ? " adjusted" : ""); * p <= \(analysis.alpha)):\n"
            + TextTable.render(header: ["#"] + analysis.objectives.map(\.objective), rows: rows,
                               leftAligned: Set(1...max(1, analysis.objectives.count)))
    }
}
