import Foundation
import SlopeCore

/// The tree-structured Parzen estimator (Bergstra et al. 2011; docs/method.md, "TPE"): a trial's
/// parameters are the candidate, among `candidates` draws from l (the estimator of the good
/// trials), that maximises l(x) / g(x) (g: the estimator of the bad trials). Multivariate: one
/// estimator over all parameters that are active together, so interactions are modelled. A
/// conditional parameter is modelled on the trials where it is active: parameters are grouped
/// by their condition, and a group is proposed, given the values already chosen for its
/// parents, when its condition holds.
public struct TPESampler: Sendable {
    public let space: ParameterSpace
    public let objectives: [Objective]
    public let settings: TPESettings
    public let constraints: [Constraint]

    public init(space: ParameterSpace, objectives: [Objective], settings: TPESettings, constraints: [Constraint] = []) {
        self.space = space
        self.objectives = objectives
        self.settings = settings
        self.constraints = constraints
    }

    /// The parameters of a new trial, given the study's other trials; a function of `seed` and
    /// `history` alone. While fewer than `settings.startup` trials have finished, a draw from
    /// the prior (`fromPrior` true).
    /// - Complexity: O(c · n · p) for c candidates, n trials and p parameters.
    public func propose(seed: UInt64, history: [TrialObservation]) -> (parameters: TrialParameters, fromPrior: Bool) {
        var g = SeededGenerator(seed: seed)
        let split = TPESplit(history, objectives: objectives, goal: settings.goal, constraints: constraints)
        guard split.finished >= max(1, settings.startup) else {
            let u = space.parameters.map { _ in g.nextUnit() }
            return (TrialParameters(space.values(at: u)), true)
        }
        var chosen: [String: ParameterValue] = [:]
        for group in groups() where group.condition.allSatisfy({ c in chosen[c.parameter].map(c.values.contains) ?? false }) {
            for (p, value) in zip(group.members, propose(group.members, split: split, generator: &g)) {
                chosen[p.name] = value
            }
        }
        return (TrialParameters(space.parameters.compactMap { p in chosen[p.name].map { (p.name, $0) } }), false)
    }

    /// The parameters grouped by condition, each group after the groups of its parents.
    func groups() -> [(condition: [Condition], members: [Parameter])] {
        var result: [(condition: [Condition], members: [Parameter])] = []
        for i in space.evaluationOrder {
            let p = space.parameters[i]
            if let k = result.firstIndex(where: { $0.condition == p.when }) {
                result[k].members.append(p)
            } else {
                result.append((p.when, [p]))
            }
        }
        return result
    }

    /// The best of `settings.candidates` draws from l for the parameters `members`, each
    /// estimator built on the trials where all of them are active. A parameter with one value
    /// (fixed by a stage's `reduce:`) takes it and is left out of the estimators, so the trials
    /// that tried other values still inform the rest.
    private func propose(_ members: [Parameter], split: TPESplit, generator g: inout SeededGenerator) -> [ParameterValue] {
        let free = members.filter { p in if case let .values(list) = p.domain { return list.count > 1 } else { return true } }
        var chosen: [String: ParameterValue] = [:]
        if !free.isEmpty {
            let axes = free.map { TPEAxis($0.domain) }
            let below = Self.estimator(split.good, free, axes), above = Self.estimator(split.bad, free, axes)
            let candidates = below.sample(max(1, settings.candidates), generator: &g)
            var best = candidates[0], bestScore = -Double.infinity
            for x in candidates {
                let score = below.logDensity(x) - above.logDensity(x)
                if score > bestScore { best = x; bestScore = score }
            }
            for (p, x) in zip(free, best) { chosen[p.name] = p.domain.tpeValue(x) }
        }
        return members.map { chosen[$0.name] ?? $0.domain.value(at: 0) }
    }

    /// The Parzen estimator of `trials` (in id order) on the parameters `members`.
    private static func estimator(_ trials: [TrialObservation], _ members: [Parameter], _ axes: [TPEAxis]) -> ParzenEstimator {
        let rows = trials.compactMap { t -> [Double]? in
            let row = members.compactMap { p in t.parameters[p.name].flatMap(p.domain.tpeCoordinate) }
            return row.count == members.count ? row : nil
        }
        return ParzenEstimator(observations: rows, weights: recencyWeights(rows.count), axes: axes)
    }

    /// Optuna's weights: 1 each up to 25 observations; beyond, the oldest ramp up linearly
    /// from 1/n and the newest 25 weigh 1.
    static func recencyWeights(_ n: Int) -> [Double] {
        guard n >= 25 else { return Array(repeating: 1, count: n) }
        let ramp = n - 25
        let rising = ramp == 1 ? [1.0 / Double(n)] : (0..<ramp).map { k in
            1.0 / Double(n) + (1 - 1.0 / Double(n)) * Double(k) / Double(ramp - 1)
        }
        return rising + Array(repeating: 1, count: 25)
    }
}
