/// Frobenius inner products of several symmetric matrices with permuted copies of one
/// symmetric matrix: `result[p][k] = Σ_ij A_k[i, j] · B[σ_p(i), σ_p(j)]`.
///
/// This is the whole O(n²) cost of an HSIC statistic under a permutation of the output
/// (the rest is O(n)). The loop runs over rows i outside and permutations inside, so that
/// row i of every A_k is read from memory once for all the permutations and then stays in
/// cache; each row of B[σ, σ] is gathered once and dotted with row i of every A_k.
/// Symmetry halves the work (lower triangle twice, plus the diagonal).
/// - Parameter sigmas: the permutations; `nil` stands for the identity.
/// - Complexity: O(P n²) gathers + O(P k n²) multiply-adds; O(n) extra memory.
func permutedInner(_ matrices: [GramMatrix], _ b: GramMatrix, _ sigmas: [[Int]?]) -> [[Double]] {
    let n = b.n
    var sums = [[Double]](repeating: [Double](repeating: 0, count: matrices.count), count: sigmas.count)
    let row = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
    defer { row.deallocate() }
    let perms = sigmas.map { $0 ?? Array(0..<n) }
    withExtendedLifetime((matrices, b)) {
        let a = matrices.map(\.baseAddress)
        let be = b.baseAddress
        for i in 0..<n {
            let offset = i &* n
            for q in perms.indices {
                perms[q].withUnsafeBufferPointer { p in
                    let base = p[i] &* n
                    for j in 0..<i { row[j] = be[base &+ p[j]] }
                    let bii = be[base &+ p[i]]
                    for k in 0..<a.count {
                        sums[q][k] += 2 * dot(a[k] + offset, row, i) + a[k][offset &+ i] * bii
                    }
                }
            }
        }
    }
    return sums
}

/// `permutedInner` for one permutation (or none).
func permutedInner(_ matrices: [GramMatrix], _ b: GramMatrix, _ sigma: [Int]?) -> [Double] {
    permutedInner(matrices, b, [sigma])[0]
}

/// Σ_{j<count} x_j y_j with four independent accumulators (instruction-level parallelism).
@inline(__always)
private func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ count: Int) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var j = 0
    while j &+ 4 <= count {
        s0 += x[j] * y[j]
        s1 += x[j &+ 1] * y[j &+ 1]
        s2 += x[j &+ 2] * y[j &+ 2]
        s3 += x[j &+ 3] * y[j &+ 3]
        j &+= 4
    }
    while j < count {
        s0 += x[j] * y[j]
        j &+= 1
    }
    return (s0 + s1) + (s2 + s3)
}
