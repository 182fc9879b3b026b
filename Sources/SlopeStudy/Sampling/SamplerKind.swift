import SlopeCore

/// How a study places its trials: space-filling in the unit cube (one dimension a parameter),
/// or adaptively (TPE, after a space-filling start).
public enum SamplerKind: String, CaseIterable, Encodable, Sendable {
    /// Independent uniform draws.
    case random
    /// Latin hypercube: each parameter's range cut into `trials` strata, each hit once.
    case lhs
    /// Scrambled Sobol points (at most `SobolSequence.maximumDimension` parameters).
    case sobol
    /// The tree-structured Parzen estimator (`TPESampler`): its first trials (`TPESettings.
    /// startup`) a Latin hypercube, the others proposed from the trials before them.
    case tpe

    /// How the trials this sampler plans ahead are placed (TPE's start: a Latin hypercube).
    public var spaceFilling: Placement {
        switch self {
        case .random: return .random
        case .lhs, .tpe: return .lhs
        case .sobol: return .sobol
        }
    }

    /// `count` space-filling points in `dimension` dimensions, all a function of `seed` alone.
    public func points(_ count: Int, dimension: Int, seed: UInt64) -> [[Double]] {
        var g = SeededGenerator(seed: seed)
        switch self {
        case .random:
            return (0..<count).map { _ in (0..<dimension).map { _ in g.nextUnit() } }
        case .lhs, .tpe:
            return LatinHypercube.points(count, dimension: dimension, generator: &g)
        case .sobol:
            return SobolSequence(dimension: dimension, scrambleSeed: g.next()).points(count)
        }
    }
}
