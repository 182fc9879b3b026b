/// Frobenius inner products of several symmetric matrices with one permuted symmetric matrix:
/// `result[k] = Σ_ij A_k[i, j] · B[σ(i), σ(j)]`.
///
/// This is the whole O(n²) cost of an HSIC statistic under a permutation of the output
/// (the rest is O(n)). Each row of B[σ, σ] is gathered once and then dotted with the same
/// row of every A_k, so a batch of inputs shares the gather; symmetry halves the work
/// (lower triangle twice plus the diagonal).
/// - Complexity: O(n²) gathers + O(k n²) multiply-adds; O(n) extra memory.
func permutedInner(_ matrices: [GramMatrix], _ b: GramMatrix, _ sigma: [Int]?) -> [Double] {
    let n = b.n
    var sums = [Double](repeating: 0, count: matrices.count)
    var row = [Double](repeating: 0, count: n)
    let perm = sigma ?? Array(0..<n)
    b.entries.withUnsafeBufferPointer { be in
        perm.withUnsafeBufferPointer { p in
            row.withUnsafeMutableBufferPointer { g in
                for i in 0..<n {
                    let base = p[i] &* n
                    for j in 0..<i { g[j] = be[base &+ p[j]] }
                    let bii = be[base &+ p[i]]
                    for k in matrices.indices {
                        matrices[k].entries.withUnsafeBufferPointer { a in
                            let offset = i &* n
                            sums[k] += 2 * dot(a.baseAddress! + offset, g.baseAddress!, i) + a[offset &+ i] * bii
                        }
                    }
                }
            }
        }
    }
    return sums
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
