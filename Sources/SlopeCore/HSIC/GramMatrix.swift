/// The n × n Gram matrix K_ij = k(x_i, x_j) of one sample, stored in full, row-major.
///
/// Symmetric by construction; the permutation and estimator loops read only its lower
/// triangle and diagonal. Memory: 8 n² bytes.
public struct GramMatrix: Sendable {
    /// The sample size.
    public let n: Int
    /// `entries[i * n + j]` = K_ij.
    public private(set) var entries: [Double]

    /// Fills the matrix from a symmetric function of two indices.
    /// - Complexity: n(n + 1)/2 calls of `k`.
    public init(n: Int, _ k: (Int, Int) -> Double) {
        self.n = n
        var entries = [Double](repeating: 0, count: n * n)
        entries.withUnsafeMutableBufferPointer { e in
            for i in 0..<n {
                for j in 0...i {
                    let v = k(i, j)
                    e[i &* n &+ j] = v
                    e[j &* n &+ i] = v
                }
            }
        }
        self.entries = entries
    }

    /// The Gram matrix of a real sample under a stationary or linear kernel.
    public init(values: [Double], kernel: Kernel, scale: Double) {
        self.init(n: values.count) { i, j in kernel(values[i], values[j], scale: scale) }
    }

    /// The Kronecker (Dirac) kernel on level codes: 1 on equal levels, else 0; with
    /// `weighted`, 1/p on equal levels where p is the level's share of the sample, so that
    /// rare levels weigh as much as frequent ones.
    public init(levels: [Int], weighted: Bool) {
        var counts: [Int: Int] = [:]
        for level in levels { counts[level, default: 0] += 1 }
        let n = Double(levels.count)
        self.init(n: levels.count) { i, j in
            guard levels[i] == levels[j] else { return 0 }
            return weighted ? n / Double(counts[levels[i]]!) : 1
        }
    }

    /// The elementwise (Hadamard) product, the Gram matrix of the product kernel k₁ k₂.
    public func product(_ other: GramMatrix) -> GramMatrix {
        precondition(n == other.n)
        var result = self
        result.entries.withUnsafeMutableBufferPointer { r in
            other.entries.withUnsafeBufferPointer { o in
                for i in 0..<r.count { r[i] *= o[i] }
            }
        }
        return result
    }

    /// The Gram matrix of the rows `rows` (repeats allowed), K'_ab = K_{rows[a], rows[b]}.
    public func gathered(_ rows: [Int]) -> GramMatrix {
        entries.withUnsafeBufferPointer { e in
            GramMatrix(n: rows.count) { a, b in e[rows[a] &* n &+ rows[b]] }
        }
    }

    /// K_ii for every i.
    public var diagonal: [Double] { (0..<n).map { entries[$0 * n + $0] } }

    /// Σ_j K_ij for every i.
    /// - Complexity: O(n²).
    public var rowSums: [Double] {
        entries.withUnsafeBufferPointer { e in
            (0..<n).map { i in
                var s = 0.0
                for j in 0..<n { s += e[i &* n &+ j] }
                return s
            }
        }
    }
}
