import SlopeCore

/// Which trials of a slope study `study analyze` reads (docs/method.md, "Staged studies"). HSIC's
/// p-values assume trials drawn from the prior: space-filling stages before any `reduce:`, and
/// TPE's start, are; TPE's proposals and the trials of a reduced space are not.
public enum TrialSelection: Sendable, Equatable {
    /// The trials drawn from the prior (the default).
    case fromPrior
    /// Every trial.
    case all
    /// The trials of the stage of this name.
    case stage(String)

    /// The trials of `spec` this selection reads, and a sentence saying which, when it is not
    /// simply all of them.
    /// - Throws: `SlopeError.invalidSetting` for a stage name the spec does not have.
    public func apply(_ trials: [StoredTrial], spec: StudySpec) throws -> (trials: [StoredTrial], note: String?) {
        let prior = trials.filter { spec.drawnFromPrior($0.observation) }
        let others = trials.count - prior.count
        switch self {
        case .fromPrior:
            guard others > 0 else { return (trials, nil) }
            return (prior, "read \(prior.count) of \(trials.count) trials, those drawn from the prior (HSIC's p-values assume them); "
                    + "the \(others) placed by TPE, given in enqueue: or in a reduced space are left out (reading every stage includes them)")
        case .all:
            guard others > 0 else { return (trials, nil) }
            return (trials, "read all \(trials.count) trials; \(others) were placed by TPE, given in enqueue: or in a reduced space, "
                    + "not drawn from the prior, so the p-values are optimistic")
        case let .stage(name):
            guard let k = spec.stages.firstIndex(where: { $0.name == name }) else {
                throw SlopeError.invalidSetting(.stage, reason: "no stage \(Shown.quoted(name)) (stages: \(spec.stages.map(\.name).joined(separator: ", ")), or all)")
            }
            let chosen = trials.filter { $0.stage == k }
            let adaptive = chosen.filter { !spec.drawnFromPrior($0.observation) }.count
            return (chosen, "read the \(chosen.count) trials of stage \(name)"
                    + (adaptive > 0 ? "; \(adaptive) of them were not drawn from the prior, so the p-values are optimistic" : ""))
        }
    }
}

extension StudySpec {
    /// True for a trial drawn from the prior: placed space-filling or by TPE's draw from the
    /// prior, in a stage that no `reduce:` (at or before it) has narrowed.
    public func drawnFromPrior(_ trial: TrialObservation) -> Bool {
        let k = min(trial.stage, stages.count - 1)
        return trial.placement(in: self).fromPrior && !stages[...max(0, k)].contains { $0.reduce != nil }
    }
}
