import SlopeCore

/// One planned trial: its seed, its stage and, unless they are chosen when it is claimed, its
/// active parameters.
public struct PlannedTrial: Sendable {
    public let id: Int
    /// The active parameters, in spec order; empty for a trial placed when it is claimed.
    public let parameters: TrialParameters
    public let seed: UInt64
    public let placement: Placement
    public let stage: Int
}

/// The parameters chosen for a claimed trial, and the stage decision made for it (a stage's
/// `reduce:` is decided at its first claim), which the store records with the claim.
public struct Proposal: Sendable {
    public let parameters: TrialParameters
    public let placement: Placement
    public let decision: StageDecision?
}

extension StudySpec {
    /// Every trial of the study, a function of the spec alone. Trials placed ahead: a stage's
    /// space-filling points (seeded by `seed` and the stage), mapped through the parameter
    /// space; TPE's start in the first stage. Placed when claimed: TPE's proposals, and every
    /// trial of a stage whose space a `reduce:` decides (at or before it). Trial seeds come
    /// from a second stream of `seed`, in id order.
    public func plan() -> [PlannedTrial] {
        var seeds = SeededGenerator(seed: seed ^ 0x5EED_0F_7121A15)
        var out: [PlannedTrial] = []
        for (k, stage) in stages.enumerated() {
            // The user's parameter sets open the first stage, and count among its start.
            let queued = k == 0 ? Array(enqueued.prefix(stage.trials)) : []
            let deferred = stages[...k].contains { $0.reduce != nil }
            let start = deferred ? 0 : stage.sampler != .tpe ? stage.trials : k == 0 ? min(stage.trials, stage.tpe.startup) : 0
            let ahead = max(0, start - queued.count)
            let points = stage.sampler.points(ahead, dimension: space.parameters.count, seed: stageSeed(k))
            let later: Placement = stage.sampler == .tpe ? .tpe : stage.sampler.spaceFilling
            for i in 0..<stage.trials {
                let id = out.count + 1, trialSeed = seeds.next() >> 33, j = i - queued.count
                out.append(i < queued.count
                    ? PlannedTrial(id: id, parameters: queued[i], seed: trialSeed, placement: .enqueued, stage: k)
                    : j < ahead
                    ? PlannedTrial(id: id, parameters: TrialParameters(space.values(at: points[j])), seed: trialSeed,
                                   placement: stage.sampler.spaceFilling, stage: k)
                    : PlannedTrial(id: id, parameters: TrialParameters([TrialParameters.Entry]()), seed: trialSeed,
                                   placement: later, stage: k))
            }
        }
        return out
    }

    /// The seed of stage `k`'s space-filling points (the study's seed for the first stage, so
    /// a study without stages plans as before).
    private func stageSeed(_ k: Int) -> UInt64 { k == 0 ? seed : seed ^ (UInt64(k) &* 0x9E37_79B9_7F4A_7C15) }

    /// The parameters of `trial` (one that `awaitsProposal`), given the study's trials and the
    /// stage decisions recorded so far: in the space the latest `reduce:` at or before its
    /// stage decided (deciding it now when it is not recorded yet), TPE's proposal seeded by
    /// the study's seed and the trial's id, or the stage's space-filling point.
    public func proposal(for trial: TrialObservation, history: [TrialObservation], decisions: [StageDecision]) -> Proposal {
        let k = min(trial.stage, stages.count - 1)
        var reduced = space, made: StageDecision?
        if let r = stages.indices.last(where: { $0 <= k && stages[$0].reduce != nil }) {
            let decision = decisions.first { $0.stage == r } ?? screening(stage: r, history: history)
            if !decisions.contains(where: { $0.stage == r }) { made = decision }
            reduced = decision.applied(to: space)
        }
        let stage = stages[k]
        guard trial.placement == .tpe || trial.placement == .prior else {
            let points = stage.sampler.points(stage.trials, dimension: space.parameters.count, seed: stageSeed(k))
            let i = min(max(0, trial.id - firstTrial(ofStage: k)), points.count - 1)
            return Proposal(parameters: TrialParameters(reduced.values(at: points[i])), placement: stage.sampler.spaceFilling, decision: made)
        }
        let sampler = TPESampler(space: reduced, objectives: objectives, settings: stage.tpe, constraints: constraints)
        var mix = SeededGenerator(seed: seed ^ (UInt64(trial.id) &* 0x9E37_79B9_7F4A_7C15))
        let proposed = sampler.propose(seed: mix.next(), history: history.filter { $0.id != trial.id })
        return Proposal(parameters: proposed.parameters, placement: proposed.fromPrior ? .prior : .tpe, decision: made)
    }
}
