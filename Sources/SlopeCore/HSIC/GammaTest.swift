/// The asymptotic p-value of HSIC under independence: Gretton et al. (2008)'s gamma
/// approximation, as OpenTURNS computes it (docs/method.md, "Gamma and permutation p-values").
enum GammaTest {
    /// P(Gamma(shape, scale) > n·HSIC_V), or > n·HSIC_U + n·m for the U-statistic.
    ///
    /// Needs kernels with k(x, x) = 1 (the caller checks) and n ≥ 6; nil when the null
    /// variance is not positive (e.g. a constant kernel).
    /// - Complexity: O(n²), no extra matrix.
    static func pValue(hsic: Double, estimator: HSICEstimator,
                       k: GramMatrix, kSummary: GramSummary,
                       l: GramMatrix, lSummary: GramSummary) -> Double? {
        guard k.n >= 6 else { return nil }
        return pValue(hsic: hsic, estimator: estimator, kSummary: kSummary, lSummary: lSummary,
                      centredProductSquares: centredProductSquares(k, kSummary, l, lSummary))
    }

    /// The same from Σ_{i≠j} ((HKH)_ij (HLH)_ij)², for a caller that forms K's entries itself.
    static func pValue(hsic: Double, estimator: HSICEstimator, kSummary: GramSummary, lSummary: GramSummary,
                       centredProductSquares squares: Double) -> Double? {
        let count = kSummary.rowSums.count
        guard count >= 6 else { return nil }
        let n = Double(count)
        let ex = kSummary.offDiagonalMean, ey = lSummary.offDiagonalMean
        let mean = (1 + ex * ey - ex - ey) / n
        let variance = 2 * (n - 4) * (n - 5) / (n * (n - 1) * (n - 2) * (n - 3)) * squares / (n * (n - 1))
        guard variance > 0, mean > 0 else { return nil }
        let shape = mean * mean / variance
        let scale = n * variance / mean
        let statistic = estimator == .v ? n * hsic : n * hsic + n * mean
        return IncompleteGamma.upperRegularized(shape, statistic / scale)
    }

    /// Σ_{i≠j} ((HKH)_ij (HLH)_ij)², with the centred entries formed on the fly.
    private static func centredProductSquares(_ k: GramMatrix, _ ks: GramSummary,
                                              _ l: GramMatrix, _ ls: GramSummary) -> Double {
        let count = k.n
        let n = Double(count)
        let km = ks.rowSums.map { $0 / n }, lm = ls.rowSums.map { $0 / n }
        let kg = ks.total / (n * n), lg = ls.total / (n * n)
        var sum = 0.0
        k.withEntries { ke in
            l.withEntries { le in
                for i in 0..<count {
                    for j in 0..<i {
                        let kc = ke[i &* count &+ j] - km[i] - km[j] + kg
                        let lc = le[i &* count &+ j] - lm[i] - lm[j] + lg
                        let p = kc * lc
                        sum += p * p
                    }
                }
            }
        }
        return 2 * sum
    }
}
