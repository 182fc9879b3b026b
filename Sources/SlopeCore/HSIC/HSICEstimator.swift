/// The two classical estimators of HSIC (docs/method.md, "HSIC estimators").
public enum HSICEstimator: String, Sendable, Codable, CaseIterable {
    /// The V-statistic (1/n²) tr(K H L H): biased upwards, never negative.
    case v = "V"
    /// The U-statistic of Song et al. (2012): unbiased, may be negative; needs n ≥ 4.
    case u = "U"

    /// The estimate from the O(n²) inner product and the O(n) terms, for K against L
    /// permuted by σ.
    /// - Parameters:
    ///   - inner: Σ_ij K_ij L_σ(i)σ(j).
    ///   - k: the summary of K.
    ///   - l: the summary of L.
    ///   - sigma: the permutation applied to L (nil: none).
    /// - Complexity: O(n).
    func value(inner: Double, k: GramSummary, l: GramSummary, sigma: [Int]?) -> Double {
        let n = Double(k.rowSums.count)
        switch self {
        case .v:
            let rowDot = permutedDot(k.rowSums, l.rowSums, sigma)
            return (inner - 2 / n * rowDot + k.total * l.total / (n * n)) / (n * n)
        case .u:
            let diagonalDot = permutedDot(k.diagonal, l.diagonal, sigma)
            let rowDot = permutedDot(k.offDiagonalRowSums, l.offDiagonalRowSums, sigma)
            let kTotal = k.total - k.trace, lTotal = l.total - l.trace
            let traceKL = inner - diagonalDot
            return (traceKL + kTotal * lTotal / ((n - 1) * (n - 2)) - 2 / (n - 2) * rowDot) / (n * (n - 3))
        }
    }
}
