import Foundation
import SlopeCore

/// The good and bad trials TPE models (docs/method.md, "TPE"). Finished trials are ranked
/// best first: feasible done trials by the objective (with several objectives, by
/// non-domination rank, then the more isolated first by crowding distance), then pruned
/// trials (with one objective: the further they got, then the better their last report, as
/// Optuna ranks them; with several, all bad), then done trials that break a constraint (the
/// least violation first), then failed trials, which count as the worst. The best ⌈goal · n⌉
/// of the n finished trials are good (never a failed one); the rest are bad, and so is every
/// running trial (the constant liar: workers running at once are steered away from each
/// other's points).
struct TPESplit {
    /// Good and bad trials, each in id order.
    let good: [TrialObservation]
    let bad: [TrialObservation]
    /// How many trials have finished.
    let finished: Int

    init(_ trials: [TrialObservation], objectives: [Objective], goal: Double, constraints: [Constraint] = []) {
        let done = trials.filter { t in t.state == .done && objectives.allSatisfy { t.metric($0.name)?.isFinite ?? false } }
        let doneIDs = Set(done.map(\.id))
        let failed = trials.filter { ($0.state == .done || $0.state == .failed) && !doneIDs.contains($0.id) }
        let running = trials.filter { $0.state == .running }
        let pruned = trials.filter { $0.state == .pruned }
        finished = done.count + pruned.count + failed.count
        let violation = Dictionary(uniqueKeysWithValues: done.map { t in (t.id, constraints.reduce(0) { $0 + $1.violation(t) }) })
        let feasible = done.filter { violation[$0.id] == 0 }
        let infeasible = done.filter { violation[$0.id] != 0 }.sorted { (violation[$0.id] ?? 0, $0.id) < (violation[$1.id] ?? 0, $1.id) }
        let prunedRanked = objectives.count == 1 ? Self.furthestFirst(pruned, objective: objectives[0]) : []
        let ranked = Self.bestFirst(feasible, objectives: objectives) + prunedRanked + infeasible
        let count = min(ranked.count, done.count + prunedRanked.count == 0 ? 0 : max(1, Int((goal * Double(finished)).rounded(.up))))
        good = ranked.prefix(count).sorted { $0.id < $1.id }
        bad = (Array(ranked.dropFirst(count)) + (objectives.count == 1 ? [] : pruned) + failed + running).sorted { $0.id < $1.id }
    }

    /// Pruned trials, best first: the later their last step, then the better the value they
    /// reported there (a report without a finite value last); one without a step last.
    static func furthestFirst(_ pruned: [TrialObservation], objective: Objective) -> [TrialObservation] {
        func key(_ t: TrialObservation) -> (Int, Double, Int) {
            guard let step = t.lastStep else { return (1, 0, t.id) }
            let loss = t.metric(objective.name).map(objective.direction.loss) ?? .infinity
            return (-step, loss, t.id)
        }
        return pruned.sorted { key($0) < key($1) }
    }

    /// Done trials, best first.
    static func bestFirst(_ done: [TrialObservation], objectives: [Objective]) -> [TrialObservation] {
        // Every objective as a loss: a maximised one negated.
        let losses = done.map { t in objectives.map { o in t.metric(o.name).map(o.direction.loss) ?? .infinity } }
        guard objectives.count > 1 else {
            return done.indices.sorted { (losses[$0][0], done[$0].id) < (losses[$1][0], done[$1].id) }.map { done[$0] }
        }
        let ranks = ParetoFront.ranks(losses)
        var crowding = [Double](repeating: 0, count: done.count)
        for level in Set(ranks) {
            let members = done.indices.filter { ranks[$0] == level }
            for (k, c) in ParetoFront.crowding(members.map { losses[$0] }).enumerated() { crowding[members[k]] = c }
        }
        return done.indices.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            if crowding[a] != crowding[b] { return crowding[a] > crowding[b] }
            return done[a].id < done[b].id
        }.map { done[$0] }
    }
}
