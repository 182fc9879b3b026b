import Foundation

/// One input's Gram matrix on its m rows as a factor, K = ΦΦᵀ, and its centred form
/// HKH = FFᵀ with F = Φ − 1μᵀ (docs/method.md, "Goal-level evidence").
///
/// A goal indicator z makes target HSIC a quadratic form, HSIC_V = 2‖Fᵀz‖²/m², so with the
/// factor a permuted statistic costs O(m r) instead of O(m²), and nothing of size m² is held.
/// - Levels (Kronecker kernel): Φ is the one-hot coding, exact, kept as codes (O(1) a row).
/// - Reals (Gaussian kernel): Φ is the pivoted Cholesky factor of K, stopped when every
///   diagonal entry of the remainder K − ΦΦᵀ (positive semi-definite) is at most 1e-12, so
///   every entry of the remainder is at most 1e-12 in size. Its rank r is small for a
///   one-dimensional input with the standard-deviation length scale (15 to 25 columns
///   measured from 100 to 5000 rows).
struct KernelFactor: Sendable {
    enum Form: Sendable {
        /// Φ and F row-major, m × rank.
        case dense(rank: Int, phi: [Double], centred: [Double])
        /// Level codes 0..<counts.count, and how many rows hold each level.
        case levels(codes: [Int], counts: [Int])
    }

    /// The number of rows m.
    let rows: Int
    let form: Form

    /// The largest remainder on the diagonal that the Cholesky factor leaves.
    static let tolerance = 1e-12

    /// The Gaussian kernel exp(−(x − x')² / (2 s²)) on `x`.
    /// - Complexity: O(m r) kernel evaluations and O(m r²) arithmetic; O(m r) memory.
    init(gaussian x: [Double], scale s: Double) {
        let m = x.count
        var residual = [Double](repeating: 1, count: m)
        var columns: [[Double]] = []
        while let pivot = residual.indices.max(by: { residual[$0] < residual[$1] }), residual[pivot] > Self.tolerance,
              columns.count < m {
            let root = residual[pivot].squareRoot()
            let xp = x[pivot]
            var column = x.map { v -> Double in
                let r = (v - xp) / s
                return exp(-0.5 * r * r)
            }
            for previous in columns {
                let scale = previous[pivot]
                for i in 0..<m { column[i] -= previous[i] * scale }
            }
            for i in 0..<m {
                column[i] /= root
                residual[i] = max(0, residual[i] - column[i] * column[i])
            }
            residual[pivot] = 0
            columns.append(column)
        }
        let r = columns.count
        var phi = [Double](repeating: 0, count: m * r)
        for (t, column) in columns.enumerated() {
            for i in 0..<m { phi[i * r + t] = column[i] }
        }
        var centred = phi
        for t in 0..<r {
            let mean = columns[t].reduce(0, +) / Double(m)
            for i in 0..<m { centred[i * r + t] -= mean }
        }
        rows = m
        form = .dense(rank: r, phi: phi, centred: centred)
    }

    /// The Kronecker kernel 1{a = b} on level codes (any integers).
    /// - Complexity: O(m).
    init(levels codes: [Int]) {
        var dense: [Int: Int] = [:]
        var mapped = [Int]()
        mapped.reserveCapacity(codes.count)
        for code in codes {
            if dense[code] == nil { dense[code] = dense.count }
            mapped.append(dense[code]!)
        }
        var counts = [Int](repeating: 0, count: dense.count)
        for code in mapped { counts[code] += 1 }
        rows = codes.count
        form = .levels(codes: mapped, counts: counts)
    }

    /// ‖Fᵀ z_k‖² for k = 1 … count, z_k the indicator of the rows `order[0..<k]`, into `out`.
    /// - Parameter scratch: room for `scratchCount` doubles.
    /// - Complexity: O(count · r) (O(count) for levels).
    func prefixNorms(_ order: UnsafePointer<Int>, count: Int, into out: UnsafeMutablePointer<Double>,
                     scratch: UnsafeMutablePointer<Double>) {
        switch form {
        case let .dense(r, _, centred):
            centred.withUnsafeBufferPointer { f in
                let base = f.baseAddress!
                scratch.initialize(repeating: 0, count: r)
                for k in 0..<count {
                    let row = base + order[k] &* r
                    var norm = 0.0
                    for t in 0..<r {
                        let u = scratch[t] + row[t]
                        scratch[t] = u
                        norm += u * u
                    }
                    out[k] = norm
                }
            }
        case let .levels(codes, counts):
            // ‖Fᵀz_k‖² = Σ_ℓ (c_ℓ − k n_ℓ / m)² = A − 2 (k/m) B + (k/m)² S from the integer sums
            // A = Σ c_ℓ², B = Σ c_ℓ n_ℓ, S = Σ n_ℓ²: equal counts give equal bits.
            scratch.initialize(repeating: 0, count: counts.count)
            let m = Double(rows)
            let s = Double(counts.reduce(0) { $0 + $1 * $1 })
            var a = 0, b = 0
            for k in 0..<count {
                let level = codes[order[k]]
                let c = Int(scratch[level])
                a += 2 * c + 1
                b += counts[level]
                scratch[level] = Double(c + 1)
                let share = Double(k + 1) / m
                out[k] = max(0, Double(a) - 2 * share * Double(b) + share * share * s)
            }
        }
    }

    /// The doubles `prefixNorms` needs as scratch.
    var scratchCount: Int {
        switch form {
        case let .dense(r, _, _): return max(1, r)
        case let .levels(_, counts): return max(1, counts.count)
        }
    }

    /// ‖FᵀF‖²_F = m² HSIC_V(K, K).
    /// - Complexity: O(m r²) (O(L) for L levels).
    var selfProduct: Double {
        switch form {
        case let .dense(r, _, centred):
            return Self.gramFrobenius(r, rows: Array(0..<rows), values: centred)
        case let .levels(_, counts):
            let m = Double(rows)
            let s2 = counts.reduce(0.0) { $0 + Double($1) * Double($1) }
            let s3 = counts.reduce(0.0) { $0 + Double($1) * Double($1) * Double($1) }
            return s2 - 2 * s3 / m + s2 * s2 / (m * m)
        }
    }

    /// ‖Σ_i w_i v_i v_iᵀ − count · μμᵀ‖²_F over the rows `rows` (repeats allowed) of a
    /// row-major matrix with r columns; without `shift`, ‖Σ_i w_i v_i v_iᵀ‖²_F.
    private static func gramFrobenius(_ r: Int, rows: [Int], values: [Double], weight: (Int) -> Double = { _ in 1 },
                                      shift: (count: Double, mean: [Double])? = nil) -> Double {
        var g = [Double](repeating: 0, count: r * r)
        values.withUnsafeBufferPointer { v in
            for i in rows {
                let w = weight(i)
                let row = v.baseAddress! + i * r
                for a in 0..<r {
                    let x = w * row[a]
                    for b in 0...a { g[a * r + b] += x * row[b] }
                }
            }
        }
        var sum = 0.0
        for a in 0..<r {
            for b in 0...a {
                let entry = shift.map { g[a * r + b] - $0.count * $0.mean[a] * $0.mean[b] } ?? g[a * r + b]
                sum += (a == b ? 1 : 2) * entry * entry
            }
        }
        return sum
    }

    /// Σ_{i≠j} ((HKH)_ij (HLH)_ij)² for L the Kronecker kernel on the indicator `inGoal`
    /// (HLH = 2ccᵀ, c = z − mean z), which Gretton et al.'s gamma variance needs.
    /// - Complexity: O(m r²) (O(m + L²) for L levels).
    func gammaSquares(inGoal: [Bool]) -> Double {
        let m = Double(rows)
        let p = Double(inGoal.filter { $0 }.count) / m
        let a = inGoal.map { $0 ? (1 - p) * (1 - p) : p * p }
        switch form {
        case let .dense(r, _, centred):
            var diagonal = 0.0
            centred.withUnsafeBufferPointer { f in
                for i in 0..<rows {
                    var norm = 0.0
                    for t in 0..<r { norm += f[i * r + t] * f[i * r + t] }
                    diagonal += a[i] * a[i] * norm * norm
                }
            }
            let full = Self.gramFrobenius(r, rows: Array(0..<rows), values: centred, weight: { a[$0] })
            return 4 * (full - diagonal)
        case let .levels(codes, counts):
            // F_i = e_ℓ − π: Σ_i a_i F_i F_iᵀ = diag(w) − wπᵀ − πwᵀ + W ππᵀ, w_ℓ = Σ_{i in ℓ} a_i.
            let levels = counts.count
            let share = counts.map { Double($0) / m }
            let shareNorm = share.reduce(0) { $0 + $1 * $1 }
            var w = [Double](repeating: 0, count: levels)
            var diagonal = 0.0
            for i in 0..<rows {
                w[codes[i]] += a[i]
                let norm = 1 - 2 * share[codes[i]] + shareNorm
                diagonal += a[i] * a[i] * norm * norm
            }
            let total = w.reduce(0, +)
            var full = 0.0
            for x in 0..<levels {
                for y in 0..<levels {
                    let entry = (x == y ? w[x] : 0) - w[x] * share[y] - share[x] * w[y] + total * share[x] * share[y]
                    full += entry * entry
                }
            }
            return 4 * (full - diagonal)
        }
    }

    /// Σ_j K_ij and K_ii for every row: what the gamma approximation reads of K.
    /// - Complexity: O(m r).
    var summary: GramSummary {
        switch form {
        case let .dense(r, phi, _):
            var total = [Double](repeating: 0, count: r)
            for i in 0..<rows { for t in 0..<r { total[t] += phi[i * r + t] } }
            var rowSums = [Double](repeating: 0, count: rows), diagonal = rowSums
            for i in 0..<rows {
                for t in 0..<r {
                    rowSums[i] += phi[i * r + t] * total[t]
                    diagonal[i] += phi[i * r + t] * phi[i * r + t]
                }
            }
            return GramSummary(rowSums: rowSums, diagonal: diagonal)
        case let .levels(codes, counts):
            return GramSummary(rowSums: codes.map { Double(counts[$0]) }, diagonal: [Double](repeating: 1, count: rows))
        }
    }

    /// On the rows `tau` (a resample, repeats allowed), centred there: ‖Fᵀz‖² for the
    /// indicator `inGoal` of the resampled rows, and ‖FᵀF‖²_F.
    /// - Complexity: O(m r²) (O(m + L) for levels).
    func resampled(_ tau: [Int], inGoal: [Bool]) -> (goal: Double, selfProduct: Double) {
        let m = Double(tau.count)
        let inside = Double(inGoal.filter { $0 }.count)
        switch form {
        case let .dense(r, phi, _):
            var mean = [Double](repeating: 0, count: r), goal = mean
            for (k, i) in tau.enumerated() {
                for t in 0..<r {
                    mean[t] += phi[i * r + t]
                    if inGoal[k] { goal[t] += phi[i * r + t] }
                }
            }
            for t in 0..<r { mean[t] /= m }
            // Fᵀ(z − p) = Σ_goal φ_i − (inside) μ.
            let goalNorm = (0..<r).reduce(0.0) { s, t in
                let u = goal[t] - inside * mean[t]
                return s + u * u
            }
            // FᵀF = Σ φ_i φ_iᵀ − m μμᵀ.
            return (goalNorm, Self.gramFrobenius(r, rows: tau, values: phi, shift: (m, mean)))
        case let .levels(codes, counts):
            var n = [Double](repeating: 0, count: counts.count), g = n
            for (k, i) in tau.enumerated() {
                n[codes[i]] += 1
                if inGoal[k] { g[codes[i]] += 1 }
            }
            let p = inside / m
            let goalNorm = zip(g, n).reduce(0.0) { s, gn in s + (gn.0 - p * gn.1) * (gn.0 - p * gn.1) }
            let s2 = n.reduce(0) { $0 + $1 * $1 }, s3 = n.reduce(0) { $0 + $1 * $1 * $1 }
            return (goalNorm, s2 - 2 * s3 / m + s2 * s2 / (m * m))
        }
    }
}
