/// The n × n Gram matrix K_ij = k(x_i, x_j) of one sample, stored in full, row-major.
///
/// Symmetric by construction and immutable; the permutation and estimator loops read only
/// its lower triangle and diagonal. Memory: 8 n² bytes, in one allocation whose address does
/// not move, so hot loops can hold raw pointers to several matrices at once.
public struct GramMatrix: Sendable {
    /// The sample size.
    public let n: Int
    private let storage: Storage

    /// Fills the matrix from a symmetric function of two indices.
    /// - Complexity: n(n + 1)/2 calls of `k`.
    public init(n: Int, _ k: (Int, Int) -> Double) {
        self.n = n
        storage = Storage(count: n * n)
        let e = storage.buffer
        for i in 0..<n {
            for j in 0...i {
                let v = k(i, j)
                e[i &* n &+ j] = v
                e[j &* n &+ i] = v
            }
        }
    }

    /// K_ij.
    public subscript(i: Int, j: Int) -> Double {
        withEntries { $0[i * n + j] }
    }

    /// Calls `body` with the entries, `entries[i * n + j]` = K_ij, kept alive meanwhile.
    public func withEntries<T>(_ body: (UnsafeBufferPointer<Double>) throws -> T) rethrows -> T {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(storage.buffer)) }
    }

    /// The first entry's address; valid while the matrix (or a copy of it) is alive.
    var baseAddress: UnsafePointer<Double> { UnsafePointer(storage.buffer.baseAddress!) }

    /// One heap block of doubles, freed with the last matrix that refers to it.
    private final class Storage: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Double>
        init(count: Int) {
            buffer = .allocate(capacity: max(1, count))
            buffer.initialize(repeating: 0)
        }
        deinit { buffer.deallocate() }
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
        return withEntries { a in
            other.withEntries { b in GramMatrix(n: n) { i, j in a[i &* n &+ j] * b[i &* n &+ j] } }
        }
    }

    /// H K H with H = I − 11ᵀ/n: the kernel centred on the sample's own distribution,
    /// K_ij − r_i − r_j + m with row means r and grand mean m. Its feature functions have mean
    /// zero over the sample (the ANOVA kernel's non-constant part; docs/method.md,
    /// "Interactions beyond the two members").
    /// - Complexity: O(n²).
    public var centred: GramMatrix {
        let means = rowSums.map { $0 / Double(n) }, grand = means.reduce(0, +) / Double(n)
        return withEntries { e in GramMatrix(n: n) { i, j in e[i &* n &+ j] - means[i] - means[j] + grand } }
    }

    /// The Gram matrix of the rows `rows` (repeats allowed), K'_ab = K_{rows[a], rows[b]}.
    public func gathered(_ rows: [Int]) -> GramMatrix {
        withEntries { e in
            GramMatrix(n: rows.count) { a, b in e[rows[a] &* n &+ rows[b]] }
        }
    }

    /// K_ii for every i.
    public var diagonal: [Double] { withEntries { e in (0..<n).map { e[$0 * n + $0] } } }

    /// Σ_j K_ij for every i.
    /// - Complexity: O(n²).
    public var rowSums: [Double] {
        withEntries { e in
            (0..<n).map { i in
                var s = 0.0
                for j in 0..<n { s += e[i &* n &+ j] }
                return s
            }
        }
    }
}
