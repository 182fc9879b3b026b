/// The values the analysis reads for one objective, trial by trial (docs/method.md, "Study
/// analysis"): completed trials by their value; trials stopped early (pruned) below every
/// completed one when their last report is worse than the loosest goal threshold; trials
/// without a value (failed) at the worst value, or left out.
///
/// Every component of the evidence reads only the order of the values, so a pruned trial
/// gets a stand-in value that ranks it: after the worst completed value, the further its
/// last report (step), then the better that report, the earlier. A pruned trial whose last
/// report already reaches the loosest goal set is left out: it was stopped, so its final
/// value is unknown, and it cannot be ranked below the goal sets.
struct ObjectiveTarget {
    /// The trials read (indices into the table's trials), ascending.
    let rows: [Int]
    /// The value read on each of those rows.
    let y: [Double]
    /// Trials without a value given the worst value.
    let imputed: Int
    /// Pruned trials ranked below the completed ones, pruned trials left out (their report
    /// reached the goal), and pruned trials not read (no report of this objective).
    let prunedRanked: Int
    let prunedLeftOut: Int
    let prunedNotRead: Int

    /// - Parameter loosest: the largest goal fraction of the analysis.
    /// - Complexity: O(n log n).
    init(_ objective: TrialObjective, missing: MissingObjective, loosest: Double) {
        let direction = objective.direction
        let completed = objective.values.compactMap { $0 }
        let worstCompleted = completed.max { direction.isBetter($0, than: $1) }
        let threshold = completed.isEmpty ? nil : Goal(boundary: .quantile(loosest), direction: direction).threshold(for: completed)
        var ranked: [(row: Int, report: StoppedEarly)] = [], leftOut = Set<Int>()
        var notRead = Set<Int>()
        for (row, stop) in objective.stopped.enumerated() where objective.values[row] == nil {
            guard let stop else {
                if objective.pruned[row] { notRead.insert(row) }
                continue
            }
            if let threshold, !direction.isBetter(threshold, than: stop.value) {
                leftOut.insert(row)
            } else {
                ranked.append((row, stop))
            }
        }
        ranked.sort { a, b in
            if a.report.step != b.report.step { return a.report.step > b.report.step }
            if a.report.value != b.report.value { return direction.isBetter(a.report.value, than: b.report.value) }
            return a.row < b.row
        }
        var value = objective.values
        // Stand-ins one unit apart beyond the worst completed value, the unit the completed
        // values' range (1 when they do not vary).
        let base = worstCompleted ?? 0
        let range = (completed.max() ?? 0) - (completed.min() ?? 0)
        let unit = range > 0 && range.isFinite ? range : 1
        for (k, entry) in ranked.enumerated() {
            let offset = Double(k + 1) * unit
            value[entry.row] = direction == .minimize ? base + offset : base - offset
        }
        let known = value.compactMap { $0 }
        let worst = known.max { direction.isBetter($0, than: $1) }
        let rows = objective.values.indices.filter { row in
            !leftOut.contains(row) && !notRead.contains(row) && (value[row] != nil || (missing == .worst && worst != nil))
        }
        self.rows = rows
        y = rows.map { value[$0] ?? worst! }
        imputed = rows.filter { value[$0] == nil }.count
        prunedRanked = ranked.count
        prunedLeftOut = leftOut.count
        prunedNotRead = notRead.count
    }
}
