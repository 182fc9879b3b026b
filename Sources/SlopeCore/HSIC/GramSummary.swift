/// The O(n) part of a Gram matrix that every estimator needs: row sums, diagonal, totals.
public struct GramSummary: Sendable {
    /// Σ_j K_ij.
    public let rowSums: [Double]
    /// K_ii.
    public let diagonal: [Double]
    /// Σ_j K_ij − K_ii (the row sums of K with a zeroed diagonal).
    public let offDiagonalRowSums: [Double]
    /// Σ_ij K_ij.
    public let total: Double
    /// Σ_i K_ii.
    public let trace: Double

    /// - Complexity: O(n²).
    public init(_ gram: GramMatrix) {
        self.init(rowSums: gram.rowSums, diagonal: gram.diagonal)
    }

    /// The summary of a matrix whose entries a caller formed on the fly.
    /// - Complexity: O(n).
    init(rowSums: [Double], diagonal: [Double]) {
        self.rowSums = rowSums
        self.diagonal = diagonal
        offDiagonalRowSums = zip(rowSums, diagonal).map { $0 - $1 }
        total = rowSums.reduce(0, +)
        trace = diagonal.reduce(0, +)
    }

    /// The mean off-diagonal entry, E_x in Gretton et al.'s gamma approximation.
    public var offDiagonalMean: Double {
        let n = Double(rowSums.count)
        return (total - trace) / (n * (n - 1))
    }
}
