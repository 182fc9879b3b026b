import SlopeCore

extension TrialSelection {
    /// The trials of `spec` this selection reads, and what it read as counts.
    /// - Throws: `SlopeError.invalidSetting` for a stage name the spec does not have.
    public func apply(_ trials: [StoredTrial], spec: StudySpec) throws -> (trials: [StoredTrial], read: TrialsRead) {
        let chosen: [StoredTrial]
        switch self {
        case .fromPrior:
            chosen = trials.filter { spec.drawnFromPrior($0.observation) }
        case .all:
            chosen = trials
        case let .stage(name):
            guard let k = spec.stages.firstIndex(where: { $0.name == name }) else {
                throw SlopeError.invalidSetting(.stage, reason: "no stage \(Shown.quoted(name)) (stages: \(spec.stages.map(\.name).joined(separator: ", ")), or all)")
            }
            chosen = trials.filter { $0.stage == k }
        }
        let adaptive = chosen.filter { !spec.drawnFromPrior($0.observation) }.count
        return (chosen, TrialsRead(rule: self, read: chosen.count, of: trials.count, notFromPrior: adaptive))
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
