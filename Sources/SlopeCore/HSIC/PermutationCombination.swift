import Foundation

/// Non-parametric combination of dependent permutation tests (Pesarin and Salmaso 2010) with
/// the Cauchy combination (Liu and Xie 2020), truncated at ½, as the combining function
/// (docs/method.md, "Goal-level evidence").
///
/// Every component is computed on the observed objective (row 0) and on the same B
/// permutations of it (rows 1…B). Each row gets each component's permutation p-value
/// p_bl = #{b' : S_b'l ≥ S_bl} / (B + 1), the combination T_b = mean_l tan(π (½ − min(p_bl, ½))),
/// and the combined p-value is #{b : T_b ≥ T_0} / (B + 1). The rows are exchangeable under the
/// null, so the combined p-value is exact whatever the dependence between the components.
/// Without the truncation a component at p = 1 (a goal set whose make-up is exactly the
/// sample's, common with few levels) would add tan(−π/2) = −∞ and cancel any evidence of the
/// others; truncated, a component counts only for dependence, never against it.
enum PermutationCombination {
    /// The relative tolerance under which two statistics count as tied.
    static let tie = 1e-12

    /// - Parameter statistics: (B + 1) rows of one value per component, larger meaning more
    ///   dependence; NaN columns (undefined components) are left out.
    /// - Returns: per component the p-value and standardised statistic of row 0 (nil for a
    ///   left-out column), and the combined p-value (nil when no column is defined).
    /// - Complexity: O(L B log B) for L components.
    static func combine(_ statistics: [[Double]]) -> (p: [Double?], z: [Double?], combined: Double?) {
        guard let first = statistics.first else { return ([], [], nil) }
        let rows = statistics.count
        let columns = first.indices.filter { first[$0].isFinite }
        var p = [Double?](repeating: nil, count: first.count), z = p
        var rowP = [[Double]](repeating: [], count: rows)
        for l in columns {
            let values = statistics.map { $0[l] }
            let sorted = values.sorted()
            for b in 0..<rows {
                let below = lowerBound(sorted, values[b] - tie * abs(values[b]))
                rowP[b].append(Double(rows - below) / Double(rows))
            }
            p[l] = rowP[0].last
            z[l] = standardised(values)
        }
        guard !columns.isEmpty else { return (p, z, nil) }
        if columns.count == 1 { return (p, z, rowP[0][0]) }
        let t = rowP.map { ps in ps.reduce(0) { $0 + tan(Double.pi * (0.5 - min($1, 0.5))) } / Double(ps.count) }
        let observed = t[0]
        let beyond = t.filter { $0 >= observed - tie * abs(observed) }.count
        return (p, z, Double(beyond) / Double(rows))
    }

    /// (S_0 − mean) / sd over the permuted rows; 0 when they do not vary.
    private static func standardised(_ values: [Double]) -> Double {
        let null = values.dropFirst()
        guard null.count > 1 else { return 0 }
        let mean = null.reduce(0, +) / Double(null.count)
        let variance = null.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(null.count - 1)
        return variance > 0 ? (values[0] - mean) / variance.squareRoot() : 0
    }

    /// The first index whose value is ≥ `x` in `sorted`.
    private static func lowerBound(_ sorted: [Double], _ x: Double) -> Int {
        var (lo, hi) = (0, sorted.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
