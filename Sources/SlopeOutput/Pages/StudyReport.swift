import Foundation
import SlopeCore

/// The report of `slope study analyze`: HSIC shares per objective, interactions, parallel
/// coordinates, one scatter per hyperparameter, and the table of indices and p-values.
public enum StudyReport {
    /// - Parameter curves: the trials' learning curves (a study whose trials report steps).
    public static func render(_ analysis: StudyAnalysis, trials: TrialTable, curves: [LearningCurve] = []) -> String {
        let analysed = analysis.objectives.indices.filter { analysis.objectives[$0].evidence != nil }
        func perObjective(_ name: String, _ body: (Int) -> String?) -> String {
            let panes = analysed.compactMap { k in body(k).map { (label: analysis.objectives[k].objective, body: $0) } }
            return panes.count <= 1 ? panes.first?.body ?? "" : HTMLPage.switcher(name: name, options: panes)
        }
        var sections = [
            HTMLPage.Section(
                id: "shares", title: "What decides each objective",
                caption: "Each bar splits one objective among the hyperparameters shown to matter (adjusted p ≤ \(analysis.alpha)), by their goal-oriented HSIC (Novello et al. 2023) weighted by the share of the trials where each is active: the wider a segment, the more that hyperparameter decides whether a trial lands in " + (analysis.components.contains(.ranked) ? "the good part of the ranking (HSIC averaged over every goal level)." : "the best \(analysis.goal) of the trials.") + " Hyperparameters not shown to matter get no segment.",
                body: ShareFigure.render(analysis)),
        ]
        let interactions = perObjective("pairs") { InteractionFigure.render(analysis.objectives[$0], alpha: analysis.alpha) }
        sections.append(HTMLPage.Section(
            id: "pairs", title: "Interactions",
            caption: interactions.isEmpty
                ? "Not measured: this analysis did not measure the pairs of hyperparameters (the pairs option)."
                : "R2-HSIC of each hyperparameter alone (diagonal) and of each pair jointly (product kernel). A ring on the diagonal marks a hyperparameter with p ≤ \(analysis.alpha); off it, an interaction beyond the pair's two members (the pair against what their separate effects leave of the goal, p ≤ \(analysis.alpha)): a bright cell without a ring is a pair that matters through its members alone.",
            body: interactions))
        sections.append(HTMLPage.Section(
            id: "parallel", title: "The trials, axis by axis",
            caption: "One line per trial through its hyperparameter values and its objective, coloured by the objective (yellow best); the goal set is drawn bold on top. Where the bold lines gather on an axis, that hyperparameter's good values are.",
            body: perObjective("parallel") { ParallelFigure.render(trials, objective: $0, analysis: analysis.objectives[$0]) }))
        sections.append(HTMLPage.Section(
            id: "scatter", title: "Each hyperparameter against the objective",
            caption: "Orange: trials in the goal set; red crosses along the top: trials without a value of their own (failed or pruned). Log hyperparameters on a log axis, levels as jittered strips.",
            body: perObjective("scatter") { ScatterFigure.render(trials, objective: $0, analysis: analysis.objectives[$0]) }))
        let learning = perObjective("curves") { k in
            guard let o = trials.objectives.firstIndex(where: { $0.name == analysis.objectives[k].objective }) else { return nil }
            let members = goalMembers(trials.objectives[o], analysis.objectives[k])
            return LearningCurveFigure.render(curves, objective: trials.objectives[o],
                                              goal: Set(trials.labels.indices.filter { members[$0] }.map { trials.labels[$0] }))
        }
        if !learning.isEmpty {
            let stopped = Set(curves.filter(\.pruned).map(\.label)).count
            sections.append(HTMLPage.Section(
                id: "curves", title: "Learning curves",
                caption: "Each line is one trial's step reports (the objective against the step). Orange: trials in the goal set (the best \(analysis.goal) of the trials read, pruned ones ranked below every completed one); grey: the other completed trials; red, ending in a cross: the \(counted(stopped, "trial")) the pruner stopped there. A gap is a report without a finite value.",
                body: learning))
        }
        if let fronts = ParetoFigure.render(trials) {
            sections.append(HTMLPage.Section(
                id: "pareto", title: "Trade-offs between objectives",
                caption: "Each panel sets one objective against another. Orange: the trials that no other trial beats on both (the Pareto front of that pair), joined by the staircase that bounds what was reached; grey: the others. Across all \(trials.objectives.count) objectives at once, \(analysis.pareto.count) trials are on the front.",
                body: fronts))
        }
        sections.append(HTMLPage.Section(
            id: "table", title: "Indices and p-values",
            caption: "R2-HSIC at each goal level and over the whole ranking, the p-value that combines them (and the component that carries it), adjusted over the hyperparameters, the bootstrap interval at the best \(analysis.goal), and Spearman's ρ as a baseline. Ranked by evidence; bold: adjusted p ≤ \(analysis.alpha).",
            body: table(analysis)))
        let summary = ["\(analysis.source): \(counted(analysis.trials, "trial")), \(counted(analysis.parameters.count, "hyperparameter")) (\(analysis.parameters.map { "\($0.name) \($0.kind.rawValue)" }.joined(separator: ", ")))"]
            + (analysis.provenance?.sentences ?? []) + pruned(analysis) + StudySummary.sentences(analysis)
        return HTMLPage(title: "slope study analyze", summary: summary, sections: sections).render()
    }

    /// "value: 1 pruned trial ranked below the completed ones, 2 left out (their last report
    /// reached the goal)", per objective that read pruned trials.
    private static func pruned(_ analysis: StudyAnalysis) -> [String] {
        analysis.objectives.compactMap { o in
            guard o.prunedRanked + o.prunedLeftOut + o.prunedNotRead > 0 else { return nil }
            guard o.prunedRanked + o.prunedLeftOut > 0 else {
                return "\(o.objective): \(counted(o.prunedNotRead, "pruned trial")) not read (no value of their own)"
            }
            return "\(o.objective): \(counted(o.prunedRanked, "pruned trial")) ranked below the completed ones, "
                + "\(o.prunedLeftOut) left out (their last report reached the goal)"
        }
    }

    private static func table(_ analysis: StudyAnalysis) -> String {
        let components = analysis.components
        let head = ["objective", "hyperparameter", "active trials"] + components.map { "R2 \($0)" }
            + ["p", "carried by", "p adj", "R2 interval", "Spearman ρ", "p ρ"]
        var out = "<table><tr>" + head.map { "<th>\(XML.escape($0))</th>" }.joined() + "</tr>"
        for o in analysis.objectives {
            guard let evidence = o.evidence else { continue }
            for p in evidence.ranked {
                let spearman = o.spearman.first { $0.parameter == p.name }?.test
                let strong = (p.pValue ?? 1) <= analysis.alpha ? " class=\"significant\"" : ""
                let r2 = components.indices.map { k in TextTable.fixed(p.component(k)?.r2HSIC) }
                let cells = [o.objective, p.name, "\(p.rows)"] + r2
                    + [TextTable.pValue(p.pCombined), p.carrier.map { components[$0].description } ?? "-", TextTable.pValue(p.pAdjusted), TextTable.interval(p.r2Interval),
                       TextTable.fixed(spearman?.coefficient), TextTable.pValue(spearman?.p)]
                out += "<tr>" + cells.enumerated().map { k, c in "<td\(k == 1 ? strong : "")>\(XML.escape(c))</td>" }.joined() + "</tr>"
            }
        }
        return out + "</table>"
    }
}
