import SlopeCore

extension StudySpec {
    /// The ids of the done trials that no other done trial dominates on the spec's objectives
    /// (docs/method.md, "Pareto front"); a trial lacking an objective, or breaking one of the
    /// spec's constraints, is left out.
    /// - Complexity: O(n² m) for n trials and m objectives.
    public func paretoFront(_ trials: [TrialObservation]) -> [Int] {
        let scored = trials.compactMap { t -> (Int, [Double])? in
            guard t.state == .done, isFeasible(t) else { return nil }
            let losses = objectives.compactMap { o in t.metric(o.name).map(o.direction.loss) }
            return losses.count == objectives.count && losses.allSatisfy(\.isFinite) ? (t.id, losses) : nil
        }
        let ranks = ParetoFront.ranks(scored.map(\.1))
        return zip(scored, ranks).filter { $0.1 == 0 }.map { $0.0.0 }
    }
}
