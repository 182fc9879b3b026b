/// The output's side of an HSIC measure on a fixed set of rows, prepared once and paired
/// with every input (and every permutation of the output).
///
/// For global and target HSIC the operand is the output Gram matrix L; for conditional
/// HSIC it is M = w̃ w̃ᵀ ∘ (H₁ L H₂) with w̃ = w / mean(w), so that in both cases the
/// O(n²) part of the statistic is Σ_ij K_ij · operand_σ(i)σ(j).
struct OutputSide: Sendable {
    /// L, or M for conditional HSIC.
    let operand: GramMatrix
    /// The output Gram matrix L.
    let gram: GramMatrix
    /// The summary of L.
    let summary: GramSummary
    /// The estimator (conditional HSIC is a V-statistic).
    let estimator: HSICEstimator
    /// w / mean(w) for conditional HSIC; nil otherwise.
    let weights: [Double]?
    /// The statistic of the output with itself, the denominator's second factor of R2-HSIC.
    let selfValue: Double

    /// - Parameters:
    ///   - gram: the output Gram matrix L on the rows.
    ///   - weights: conditional weights w(y) ≥ 0 (not all 0), or nil for global/target HSIC.
    /// - Complexity: O(n²) time and one extra n × n matrix when conditional.
    init(gram: GramMatrix, estimator: HSICEstimator, weights: [Double]?) {
        self.gram = gram
        self.summary = GramSummary(gram)
        self.estimator = weights == nil ? estimator : .v
        if let weights {
            let mean = weights.reduce(0, +) / Double(weights.count)
            let w = weights.map { $0 / mean }
            let centring = WeightedCentring(gram, w)
            self.weights = w
            self.operand = centring.operand
            self.selfValue = centring.selfValue
        } else {
            self.weights = nil
            self.operand = gram
            self.selfValue = estimator.value(inner: permutedInner([gram], gram, nil)[0],
                                             k: summary, l: summary, sigma: nil)
        }
    }

    /// The statistic of an input with this output permuted by σ, from Σ K ∘ operand_σ.
    /// - Complexity: O(n).
    func value(inner: Double, input: GramSummary, sigma: [Int]?) -> Double {
        if weights != nil {
            let n = Double(input.rowSums.count)
            return inner / (n * n)
        }
        return estimator.value(inner: inner, k: input, l: summary, sigma: sigma)
    }

    /// The statistic of an input with itself under the same estimator and weights.
    /// - Complexity: O(n²).
    func selfValue(of input: GramMatrix, _ summary: GramSummary) -> Double {
        if let weights { return WeightedCentring(input, weights).selfValue }
        return estimator.value(inner: permutedInner([input], input, nil)[0], k: summary, l: summary, sigma: nil)
    }
}
