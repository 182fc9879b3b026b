import SlopeCore

/// One planned trial: its active parameters and its seed.
public struct PlannedTrial: Sendable {
    public let id: Int
    /// The active parameters, in spec order.
    public let parameters: TrialParameters
    public let seed: UInt64
}

extension StudySpec {
    /// Every trial of the study, a function of the spec alone: the sampler's points in the
    /// unit cube (seeded by `seed`) mapped through the parameter space; trial seeds from a
    /// second stream of the same seed.
    public func plan() -> [PlannedTrial] {
        let points = sampler.points(trials, dimension: space.parameters.count, seed: seed)
        var seeds = SeededGenerator(seed: seed ^ 0x5EED_0F_7121A15)
        return points.enumerated().map { i, u in
            PlannedTrial(id: i + 1, parameters: TrialParameters(space.values(at: u)), seed: seeds.next() >> 33)
        }
    }
}
