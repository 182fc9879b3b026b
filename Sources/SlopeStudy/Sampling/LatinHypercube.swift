import SlopeCore

/// Latin hypercube sampling (McKay, Beckman and Conover 1979): in every dimension the n
/// points fall one in each of the n strata [k/n, (k+1)/n), at a uniform place inside it, the
/// strata order a seeded permutation per dimension. O(n d).
public enum LatinHypercube {
    /// `count` points in `dimension` dimensions as rows of values in [0, 1).
    public static func points(_ count: Int, dimension: Int, generator g: inout SeededGenerator) -> [[Double]] {
        var rows = Array(repeating: Array(repeating: 0.0, count: dimension), count: count)
        for j in 0..<dimension {
            var strata = Array(0..<count)
            g.shuffle(&strata)
            for i in 0..<count {
                rows[i][j] = (Double(strata[i]) + g.nextUnit()) / Double(count)
            }
        }
        return rows
    }
}
