import CVectorLoops

/// A block of consecutive design rows stored feature-major, the unit the `HistoryKernel` sums
/// over (docs/method.md, "Derivatives, two conventions", the pass).
///
/// Row-major rows are copied into p = n + 1 lines of `capacity` numbers: line j holds
/// feature j over the block's rows, line n holds 1 (the bias's input). Rows past `count` up
/// to a multiple of 4 are zero, so every loop runs over whole 4-wide vectors and the padding
/// adds exact zeros. Per track the block computes u = w·x + b for all its rows (vectorised
/// across rows), takes the caller's per-row coefficients, and reduces coefficient × power of x
/// over the rows into one sum per line: 4 lanes in row order, then (l0 + l1) + (l2 + l3).
/// The order of every addition is fixed by the block's size alone, so the bits depend neither
/// on the thread count nor on the instruction set: the vector loops (CVectorLoops) run as AVX2
/// where the CPU has it and as baseline x86-64 (SSE2) elsewhere, with the same results.
///
/// One block is the scratch space of one worker; it is not shared.
struct RowBlock: ~Copyable {
    /// Rows per block: 128 rows of 31 lines (n = 30) take 32 KB, inside a core's L1 data cache
    /// on the machines measured; wider tables' blocks live in L2.
    static let capacity = 128
    /// Lines: the n features, then the constant 1.
    let lines: Int
    /// Rows held, at most `capacity`.
    private(set) var count = 0
    /// `count` rounded up to a multiple of 4.
    private(set) var padded = 0
    /// x, feature-major: `x[j * capacity + k]`.
    let x: UnsafeMutablePointer<Double>
    /// u of the current track, one per row.
    let u: UnsafeMutablePointer<Double>
    /// Up to five per-row coefficient lines of the current track.
    let coefficients: UnsafeMutablePointer<Double>

    init(features n: Int) {
        lines = n + 1
        x = .allocate(capacity: lines * Self.capacity)
        u = .allocate(capacity: Self.capacity)
        coefficients = .allocate(capacity: 5 * Self.capacity)
    }

    deinit {
        x.deallocate(); u.deallocate(); coefficients.deallocate()
    }

    /// Coefficient line `slot` (0 ..< 5).
    func coefficient(_ slot: Int) -> UnsafeMutablePointer<Double> { coefficients + slot &* Self.capacity }

    /// Copies the rows `range` of the row-major `design` (n columns), transposed.
    mutating func load(_ design: UnsafePointer<Double>, rows range: Range<Int>) {
        let n = lines &- 1, c = Self.capacity
        count = range.count
        padded = (count &+ 3) & ~3
        for k in 0..<count {
            let row = design + (range.lowerBound &+ k) &* n
            for j in 0..<n { x[j &* c &+ k] = row[j] }
            x[n &* c &+ k] = 1
        }
        for j in 0..<lines { for k in count..<padded { x[j &* c &+ k] = 0 } }
    }

    /// u_k = w_n + Σ_j w_j x_kj for every row (features added in order), into `u`.
    func affine(_ w: UnsafePointer<Double>) {
        slope_block_affine(x, Self.capacity, lines, padded, w, u, VectorForm.avx2)
    }

    /// Zeroes the coefficient lines `slots` past `count` (after the caller filled the rows).
    func padCoefficients(_ slots: Int) {
        for s in 0..<slots { for k in count..<padded { coefficient(s)[k] = 0 } }
    }

    /// A restart's sums: per line j, Σ c0·x, Σ c1·x², Σ c2·x³, Σ c3·x, Σ c4·x added to
    /// `a[j]`, `a[p + j]`, ..., `a[4p + j]`.
    func reduceFive(into a: UnsafeMutablePointer<Double>) {
        slope_block_reduce_five(x, Self.capacity, lines, padded, coefficients, a, VectorForm.avx2)
    }

    /// A null training's sums: per line j, Σ c0·x and Σ c1·x^power (power 1 or 2) added to
    /// `a[j]` and `a[p + j]`.
    func reduceTwo(power: Int, into a: UnsafeMutablePointer<Double>) {
        slope_block_reduce_two(x, Self.capacity, lines, padded, Int32(power), coefficients, a, VectorForm.avx2)
    }
}
