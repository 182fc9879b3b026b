import SlopeCore

/// How a study places its trials in the unit cube, one dimension a parameter.
public enum SamplerKind: String, CaseIterable, Encodable, Sendable {
    /// Independent uniform draws.
    case random
    /// Latin hypercube: each parameter's range cut into `trials` strata, each hit once.
    case lhs
    /// Scrambled Sobol points (at most `SobolSequence.maximumDimension` parameters).
    case sobol

    /// `count` points in `dimension` dimensions, all a function of `seed` alone.
    public func points(_ count: Int, dimension: Int, seed: UInt64) -> [[Double]] {
        var g = SeededGenerator(seed: seed)
        switch self {
        case .random:
            return (0..<count).map { _ in (0..<dimension).map { _ in g.nextUnit() } }
        case .lhs:
            return LatinHypercube.points(count, dimension: dimension, generator: &g)
        case .sobol:
            return SobolSequence(dimension: dimension, scrambleSeed: g.next()).points(count)
        }
    }
}
