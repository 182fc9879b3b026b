import SlopeCore

/// One planned trial: its seed and, unless TPE chooses them when it is claimed, its active
/// parameters.
public struct PlannedTrial: Sendable {
    public let id: Int
    /// The active parameters, in spec order; empty for a trial TPE proposes at claim time.
    public let parameters: TrialParameters
    public let seed: UInt64
    public let placement: Placement
    public let stage: Int
}

extension StudySpec {
    /// Every trial of the study, a function of the spec alone: the sampler's points in the
    /// unit cube (seeded by `seed`) mapped through the parameter space, or, for TPE after its
    /// start, no parameters yet; trial seeds from a second stream of the same seed.
    public func plan() -> [PlannedTrial] {
        let planned = sampler == .tpe ? min(trials, tpe.startup) : trials
        let points = sampler.points(planned, dimension: space.parameters.count, seed: seed)
        var seeds = SeededGenerator(seed: seed ^ 0x5EED_0F_7121A15)
        return (0..<trials).map { i in
            let seed = seeds.next() >> 33
            guard i < planned else { return PlannedTrial(id: i + 1, parameters: TrialParameters([TrialParameters.Entry]()), seed: seed, placement: .tpe, stage: 0) }
            return PlannedTrial(id: i + 1, parameters: TrialParameters(space.values(at: points[i])), seed: seed,
                                placement: sampler.spaceFilling, stage: 0)
        }
    }

    /// `proposal(for:history:)` as a store's claim takes it.
    public var proposer: TrialProposer { { [self] in proposal(for: $0, history: $1) } }

    /// The parameters of `trial` (one that `awaitsProposal`), given the study's trials: TPE's
    /// proposal, seeded by the study's seed and the trial's id.
    public func proposal(for trial: StoredTrial, history: [StoredTrial]) -> (parameters: TrialParameters, placement: Placement) {
        let sampler = TPESampler(space: space, objectives: objectives, settings: tpe)
        var mix = SeededGenerator(seed: seed ^ (UInt64(trial.id) &* 0x9E37_79B9_7F4A_7C15))
        let proposed = sampler.propose(seed: mix.next(), history: history.filter { $0.id != trial.id })
        return (proposed.parameters, proposed.fromPrior ? .prior : .tpe)
    }
}
