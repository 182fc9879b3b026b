import Foundation
import SlopeCore

extension StudySpec {
    /// The decision of stage `k`'s `reduce:` (docs/method.md, "Staged studies"): goal-level
    /// evidence on the objective from the finished trials of the earlier stages that were drawn
    /// from the prior, p-values adjusted (Benjamini–Hochberg) and read at `alpha`. A
    /// hyperparameter is fixed only on evidence that it does not matter: the screening found
    /// one significant (it had power) and its own raw p-value is above `Reduction.fixAbove`.
    /// Every other hyperparameter keeps its range (narrowed with `narrow`, when significant),
    /// including those HSIC could not test and those the screening could not tell.
    /// - Complexity: that of `StudyAnalysis.run` on those trials (1000 permutations).
    public func screening(stage k: Int, history: [TrialObservation]) -> StageDecision {
        let reduction = stages[k].reduce ?? Reduction()
        let objective = reduction.objective ?? primaryObjective.name
        let direction = objectives.first { $0.name == objective }?.direction ?? .minimize
        let screened = history.filter { t in
            t.stage < k && drawnFromPrior(t) && (t.state == .done || t.state == .failed)
        }
        var options = StudyAnalysisOptions()
        if let goal = reduction.goal { options.useGoal(goal) }
        let fraction = reduction.goal ?? Reduction.defaultGoal(trials: screened.count)
        options.alpha = reduction.alpha
        options.bootstrap = 0
        options.seed = seed &+ UInt64(k)
        var evidence: [String: ParameterEvidence] = [:]
        if let table = try? TrialTable(spec: self, trials: screened, source: stages[k].name, columns: ColumnSelection(targets: [objective])),
           let measured = try? StudyAnalysis.run(table, options: options).objectives.first?.evidence {
            evidence = Dictionary(measured.parameters.map { ($0.name, $0) }) { a, _ in a }
        }
        let goal = goalSet(screened, objective: objective, direction: direction, fraction: fraction)
        let informative = evidence.values.contains { ($0.pValue ?? 1) <= reduction.alpha }
        let choices = space.parameters.map { p -> StageDecision.Choice in
            let tested = evidence[p.name]
            let (pValue, pRaw) = (tested?.pValue, tested?.pCombined)
            let inGoal = goal.compactMap { $0.parameters[p.name] }
            if informative, let pRaw, pRaw > Reduction.fixAbove {
                let fixed = reduction.cost.map { cost in cheapest(p, goal, cost: cost) } ?? Self.typical(inGoal, domain: p.domain)
                return StageDecision.Choice(parameter: p.name, pValue: pValue, pRaw: pRaw, fixed: fixed)
            }
            guard informative, reduction.narrow, let pValue, pValue <= reduction.alpha, let range = Self.range(inGoal, domain: p.domain) else {
                return StageDecision.Choice(parameter: p.name, pValue: pValue, pRaw: pRaw, fixed: nil)
            }
            return StageDecision.Choice(parameter: p.name, pValue: pValue, pRaw: pRaw, fixed: nil, low: range.low, high: range.high)
        }
        return StageDecision(stage: k, objective: objective, trials: screened.count, goal: fraction, alpha: reduction.alpha, choices: choices)
    }

    /// The done trials whose objective is in the best `fraction` (the goal set of the HSIC).
    private func goalSet(_ trials: [TrialObservation], objective: String, direction: Direction, fraction: Double) -> [TrialObservation] {
        let done = trials.filter { $0.state == .done && $0.value(of: objective) != nil }
        guard !done.isEmpty else { return [] }
        let threshold = Goal(boundary: .quantile(fraction), direction: direction).threshold(for: done.compactMap { $0.value(of: objective) })
        return done.filter { t in t.value(of: objective).map { direction == .minimize ? $0 <= threshold : $0 >= threshold } ?? false }
    }

    /// The most common value (first in the domain's order on a tie); for a number, the median
    /// (the lower middle value of an even count), snapped to the domain.
    static func typical(_ values: [ParameterValue], domain: Domain) -> ParameterValue? {
        guard !values.isEmpty else { return nil }
        if case let .values(list) = domain {
            let counts = list.map { v in values.filter { $0 == v }.count }
            return counts.indices.max { a, b in counts[a] != counts[b] ? counts[a] < counts[b] : a > b }.map { list[$0] }
        }
        let sorted = values.compactMap(\.number).sorted()
        guard !sorted.isEmpty else { return nil }
        return domain.tpeValue(TPEAxis(domain).isLog ? Foundation.log(sorted[(sorted.count - 1) / 2]) : sorted[(sorted.count - 1) / 2])
    }

    /// The value that costs least in the goal set: for a list, the value whose goal trials
    /// have the lowest median cost; for a number, the value of the cheapest goal trial.
    private func cheapest(_ p: Parameter, _ goal: [TrialObservation], cost: String) -> ParameterValue? {
        let priced = goal.compactMap { t in t.parameters[p.name].flatMap { v in t.value(of: cost).map { (v, $0) } } }
        guard !priced.isEmpty else { return Self.typical(goal.compactMap { $0.parameters[p.name] }, domain: p.domain) }
        if case let .values(list) = p.domain {
            let medians = list.compactMap { v -> (ParameterValue, Double)? in
                Median.of(priced.filter { $0.0 == v }.map(\.1)).map { (v, $0) }
            }
            return medians.min { $0.1 < $1.1 }?.0
        }
        return priced.min { $0.1 < $1.1 }?.0
    }

    /// The goal set's range of a number, when it spans more than one value.
    static func range(_ values: [ParameterValue], domain: Domain) -> (low: Double, high: Double)? {
        if case .values = domain { return nil }
        let numbers = values.compactMap(\.number)
        guard let low = numbers.min(), let high = numbers.max(), low < high else { return nil }
        return (low, high)
    }
}
