import SlopeCore

/// The analysis in plain words: what decides each objective, what matters for none, and the
/// trade-offs.
public enum StudySummary {
    /// The summary's sentences: first what decides each objective and what matters for none
    /// (permutation p ≤ alpha), then one sentence per trade-off.
    public static func sentences(_ analysis: StudyAnalysis) -> [String] {
        let objectives = analysis.objectives, alpha = analysis.alpha, tradeOffs = analysis.tradeOffs
        let names = analysis.parameters.map(\.name)
        var lines: [String] = []
        var decides: [String] = []
        for o in objectives {
            if let note = o.note {
                lines.append("\(o.objective) could not be analysed: \(note)")
                continue
            }
            let significant = o.significant(at: alpha)
            decides.append(significant.isEmpty
                ? "no hyperparameter decides \(o.objective)"
                : "\(list(significant)) \(significant.count == 1 ? "decides" : "decide") \(o.objective)")
        }
        let matter = Set(objectives.flatMap { $0.significant(at: alpha) })
        // Only what some objective tested can be said not to matter.
        let tested = Set(objectives.flatMap { $0.evidence?.parameters.filter { $0.pCombined != nil }.map(\.name) ?? [] })
        let none = names.filter { !matter.contains($0) && tested.contains($0) }
        var first = decides.joined(separator: "; ")
        if !none.isEmpty {
            let verb = objectives.count == 1
                ? (none.count == 1 ? "does not matter" : "do not matter")
                : (none.count == 1 ? "matters" : "matter") + (objectives.count == 2 ? " for neither" : " for none of them")
            first += (first.isEmpty ? "" : "; ") + "\(list(none)) \(verb) (p > \(alpha))"
        }
        if !first.isEmpty { lines.insert(first + ".", at: 0) }
        for t in tradeOffs {
            // By construction a larger value improves `improves` and worsens `worsens`.
            lines.append("\(t.parameter) trades \(t.improves) against \(t.worsens): a larger \(t.parameter) improves \(t.improves) (ρ = \(format(t.rhoImproves))) and worsens \(t.worsens) (ρ = \(format(t.rhoWorsens))).")
        }
        return lines
    }

    /// "a, b and c".
    static func list(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    private static func format(_ x: Double) -> String { String(format: "%+.2f", x) }
}
