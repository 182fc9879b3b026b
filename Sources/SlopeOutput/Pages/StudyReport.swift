import Foundation
import SlopeCore

/// The report of `slope study analyze`: HSIC shares per objective, interactions, parallel
/// coordinates, one scatter per hyperparameter, and the table of indices and p-values.
public enum StudyReport {
    public static func render(_ analysis: StudyAnalysis, trials: TrialTable) -> String {
        let analysed = analysis.objectives.indices.filter { analysis.objectives[$0].hsic != nil }
        func perObjective(_ name: String, _ body: (Int) -> String?) -> String {
            let panes = analysed.compactMap { k in body(k).map { (label: analysis.objectives[k].objective, body: $0) } }
            return panes.count <= 1 ? panes.first?.body ?? "" : HTMLPage.switcher(name: name, options: panes)
        }
        var sections = [
            HTMLPage.Section(
                id: "shares", title: "What decides each objective",
                caption: "Each bar splits the summed goal-oriented HSIC of one objective among the hyperparameters (Novello et al. 2023): the wider a segment, the more that hyperparameter decides whether a trial lands in the best \(analysis.goal) of the trials. Faint segments are not significant (p > \(analysis.alpha)).",
                body: ShareFigure.render(analysis)),
        ]
        let interactions = perObjective("pairs") { InteractionFigure.render(analysis.objectives[$0], alpha: analysis.alpha) }
        sections.append(HTMLPage.Section(
            id: "pairs", title: "Interactions",
            caption: interactions.isEmpty
                ? "Not measured: run with --pairs to measure every pair of hyperparameters jointly."
                : "R2-HSIC of each hyperparameter alone (diagonal) and of each pair jointly (product kernel). A ring on the diagonal marks a hyperparameter with p ≤ \(analysis.alpha); off it, an interaction beyond the pair's two members (the pair against what their separate effects leave of the goal, p ≤ \(analysis.alpha)): a bright cell without a ring is a pair that matters through its members alone.",
            body: interactions))
        sections.append(HTMLPage.Section(
            id: "parallel", title: "The trials, axis by axis",
            caption: "One line per trial through its hyperparameter values and its objective, coloured by the objective (yellow best); the goal set is drawn bold on top. Where the bold lines gather on an axis, that hyperparameter's good values are.",
            body: perObjective("parallel") { ParallelFigure.render(trials, objective: $0, analysis: analysis.objectives[$0]) }))
        sections.append(HTMLPage.Section(
            id: "scatter", title: "Each hyperparameter against the objective",
            caption: "Orange: trials in the goal set; red crosses along the top: trials without a value (failed). Log hyperparameters on a log axis, levels as jittered strips.",
            body: perObjective("scatter") { ScatterFigure.render(trials, objective: $0, analysis: analysis.objectives[$0]) }))
        if let fronts = ParetoFigure.render(trials) {
            sections.append(HTMLPage.Section(
                id: "pareto", title: "Trade-offs between objectives",
                caption: "Each panel sets one objective against another. Orange: the trials that no other trial beats on both (the Pareto front of that pair), joined by the staircase that bounds what was reached; grey: the others. Across all \(trials.objectives.count) objectives at once, \(analysis.pareto.count) trials are on the front.",
                body: fronts))
        }
        sections.append(HTMLPage.Section(
            id: "table", title: "Indices and p-values",
            caption: "Target HSIC, R2-HSIC with its bootstrap interval, the gamma and permutation p-values, and Spearman's ρ as a baseline. Bold: p ≤ \(analysis.alpha).",
            body: table(analysis)))
        let summary = ["\(analysis.source): \(analysis.trials) trials, \(analysis.parameters.count) hyperparameters (\(analysis.parameters.map { "\($0.name) \($0.kind.rawValue)" }.joined(separator: ", ")))"]
            + (analysis.selection.map { [$0] } ?? []) + analysis.stageDecisions + StudySummary.sentences(analysis)
        return HTMLPage(title: "slope study analyze", summary: summary, sections: sections).render()
    }

    private static func table(_ analysis: StudyAnalysis) -> String {
        var out = "<table><tr><th>objective</th><th>hyperparameter</th><th>active trials</th><th>HSIC</th><th>R2-HSIC</th><th>interval</th><th>p gamma</th><th>p perm</th><th>Spearman ρ</th><th>p</th></tr>"
        for o in analysis.objectives {
            guard let hsic = o.hsic else { continue }
            for index in hsic.ranked {
                let spearman = o.spearman.first { $0.parameter == index.name }?.test
                let strong = (index.pValue ?? 1) <= analysis.alpha ? " class=\"significant\"" : ""
                let interval = index.r2Interval.map { "[\(TextTable.fixed($0.lower)), \(TextTable.fixed($0.upper))]" } ?? "-"
                let cells = [o.objective, index.name, "\(index.rows)", TextTable.significant(index.hsic), TextTable.fixed(index.r2HSIC), interval,
                             TextTable.pValue(index.pGamma), TextTable.pValue(index.pPermutation),
                             TextTable.fixed(spearman?.coefficient), TextTable.pValue(spearman?.p)]
                out += "<tr>" + cells.enumerated().map { k, c in "<td\(k == 1 ? strong : "")>\(XML.escape(c))</td>" }.joined() + "</tr>"
            }
        }
        return out + "</table>"
    }
}
