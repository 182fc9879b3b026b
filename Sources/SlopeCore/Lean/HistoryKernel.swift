import Foundation

/// One pass over the data per epoch that gives the loss and every recorded derivative for
/// every parameter of every restart at once (docs/method.md, "Derivatives, two conventions").
///
/// For each row k and restart r the scalar g_k(u) = ℓ(σ(u), t_k) is evaluated on a `Jet` at
/// u_kr = w_r·x_k + b_r, giving g', g'', g''' exactly; then, with s_k = Σ_j x_kj,
/// d1_i = mean g'·x_i, d2_i = mean g''·x_i², d3_i = mean g'''·x_i³,
/// d2_tape_i = mean g''·x_i·s, d3_tape_i = mean g'''·x_i·s², and the bias likewise with x = 1.
///
/// The rows are cut into fixed chunks of `chunkRows`; a chunk is read once for all restarts,
/// and chunks may run in parallel. Within a chunk rows are summed in order; chunk sums are
/// added in chunk order. The result therefore depends neither on the number of threads nor
/// on which restarts are computed together.
///
/// - Complexity: O(N·n) time per restart and epoch, O(R·n·N / chunkRows) extra memory.
struct HistoryKernel: Sendable {
    let design: Design
    let activation: Activation
    let loss: Loss
    /// s_k = Σ_j x_kj, fixed for the whole training.
    let rowSums: [Double]
    /// Rows per chunk: the unit of parallel work and of the fixed summation order.
    static let chunkRows = 2048
    /// The sums one restart gathers: loss, then d1, d2, d3, d2_tape, d3_tape for p parameters.
    static let sumSlots = 5
    /// The cores work is spread over.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    init(design: Design, activation: Activation, loss: Loss) {
        self.design = design
        self.activation = activation
        self.loss = loss
        let n = design.featureCount
        rowSums = design.x.withUnsafeBufferPointer { x in
            (0..<design.rowCount).map { k in
                var s = 0.0
                for i in 0..<n { s += x[k &* n &+ i] }
                return s
            }
        }
    }

    /// g(u), g'(u), g''(u), g'''(u) for target t.
    @inline(__always)
    func rowJet(_ u: Double, _ t: Double) -> Jet {
        loss(activation(Jet.variable(u)), t)
    }

    /// The number of row chunks.
    var chunkCount: Int { max(1, (design.rowCount + Self.chunkRows - 1) / Self.chunkRows) }

    /// The loss and the mean sums (d1, d2, d3, d2_tape, d3_tape, each over the n weights and
    /// the bias) of every restart at `thetas` (per restart: n weights, then the bias); the
    /// chunks run in parallel when `parallel`.
    /// - Returns: per restart, 1 + 5·(n + 1) numbers: the loss, then the five quantities.
    func sums(_ thetas: [[Double]], parallel: Bool) -> [[Double]] {
        let n = design.featureCount, rows = design.rowCount, restarts = thetas.count
        let chunks = chunkCount, width = 1 + Self.sumSlots * (n + 1)
        let part = { @Sendable (chunk: Int) -> [Double] in
            let start = chunk * Self.chunkRows
            return chunkSums(thetas, rows: start..<min(rows, start + Self.chunkRows))
        }
        let partials = parallel ? parallelMap(chunks, part) : (0..<chunks).map(part)
        // Chunk partials in chunk order.
        var out = Array(repeating: [Double](repeating: 0, count: width), count: restarts)
        for partial in partials {
            for r in 0..<restarts { for q in 0..<width { out[r][q] += partial[r * width + q] } }
        }
        let scale = 1 / Double(rows)
        return out.map { $0.map { $0 * scale } }
    }

    /// Unscaled sums over `range` for the restarts `thetas`, restart after restart.
    private func chunkSums(_ thetas: [[Double]], rows range: Range<Int>) -> [Double] {
        let n = design.featureCount, p = n + 1, g = thetas.count, width = 1 + Self.sumSlots * p
        var acc = [Double](repeating: 0, count: g * width)
        let theta = thetas.flatMap { $0 }
        var u = [Double](repeating: 0, count: g)
        // x² and x³ of the current row, computed once for all restarts.
        var squares = [Double](repeating: 0, count: n), cubes = squares
        squares.withUnsafeMutableBufferPointer { x2 in
        cubes.withUnsafeMutableBufferPointer { x3 in
        design.x.withUnsafeBufferPointer { x in
        design.target.withUnsafeBufferPointer { t in
        rowSums.withUnsafeBufferPointer { s in
        theta.withUnsafeBufferPointer { th in
        u.withUnsafeMutableBufferPointer { u in
        acc.withUnsafeMutableBufferPointer { acc in
            for k in range {
                let row = x.baseAddress! + k &* n
                for i in 0..<n { x2[i] = row[i] * row[i]; x3[i] = x2[i] * row[i] }
                for r in 0..<g {
                    let w = th.baseAddress! + r &* p
                    u[r] = w[n] + Self.dot(row, w, n)
                }
                let sk = s[k]
                for r in 0..<g {
                    let jet = rowJet(u[r], t[k])
                    let c2t = jet.d2 * sk, c3t = jet.d3 * sk * sk
                    let base = acc.baseAddress! + r &* width
                    base[0] += jet.value
                    Self.accumulate(row: row, squares: x2.baseAddress!, cubes: x3.baseAddress!, n: n, into: base + 1,
                                    coefficients: (jet.d1, jet.d2, jet.d3, c2t, c3t))
                }
            }
        }}}}}}}}
        return acc
    }

    /// a1 += c1·x, a2 += c2·x², a3 += c3·x³, a2t += c2t·x, a3t += c3t·x over the n features of
    /// one row (its squares and cubes given), and the bias terms (x = 1) at index n; the five
    /// accumulators lie p = n + 1 apart from `a`. Written with explicit 4-wide vectors: the five
    /// store streams into one buffer keep the optimiser from vectorising the plain loop.
    @inline(__always)
    static func accumulate(row: UnsafePointer<Double>, squares: UnsafePointer<Double>, cubes: UnsafePointer<Double>,
                           n: Int, into a: UnsafeMutablePointer<Double>,
                           coefficients c: (Double, Double, Double, Double, Double)) {
        let p = n &+ 1
        let a1 = a, a2 = a1 + p, a3 = a2 + p, a2t = a3 + p, a3t = a2t + p
        let c1 = SIMD4(repeating: c.0), c2 = SIMD4(repeating: c.1), c3 = SIMD4(repeating: c.2)
        let c2t = SIMD4(repeating: c.3), c3t = SIMD4(repeating: c.4)
        var i = 0
        while i &+ 4 <= n {
            let x = load(row + i)
            store(load(a1 + i) + c1 * x, a1 + i)
            store(load(a2 + i) + c2 * load(squares + i), a2 + i)
            store(load(a3 + i) + c3 * load(cubes + i), a3 + i)
            store(load(a2t + i) + c2t * x, a2t + i)
            store(load(a3t + i) + c3t * x, a3t + i)
            i &+= 4
        }
        while i < n {
            let x = row[i]
            a1[i] += c.0 * x; a2[i] += c.1 * squares[i]; a3[i] += c.2 * cubes[i]; a2t[i] += c.3 * x; a3t[i] += c.4 * x
            i &+= 1
        }
        a1[n] += c.0; a2[n] += c.1; a3[n] += c.2; a2t[n] += c.3; a3t[n] += c.4
    }

    /// Σ_i a_i b_i with two 4-wide partial sums (so the additions do not wait on each other),
    /// added in a fixed order.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var s0 = SIMD4<Double>(), s1 = SIMD4<Double>()
        var i = 0
        while i &+ 8 <= n {
            s0 += load(a + i) * load(b + i)
            s1 += load(a + (i &+ 4)) * load(b + (i &+ 4))
            i &+= 8
        }
        if i &+ 4 <= n {
            s0 += load(a + i) * load(b + i)
            i &+= 4
        }
        var total = (s0 + s1).sum()
        while i < n {
            total += a[i] * b[i]
            i &+= 1
        }
        return total
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private static func store(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }

    /// Writes epoch `epoch` of `history` from one restart's `sums` at `parameters`.
    static func record(_ sums: [Double], parameters: [Double], epoch: Int, into history: inout History) {
        let p = parameters.count, base = epoch * p
        history.loss[epoch] = sums[0]
        let quantities: [Quantity] = [.d1, .d2, .d3, .d2Tape, .d3Tape]
        for (slot, quantity) in quantities.enumerated() {
            let target = History.slot(quantity)
            for i in 0..<p { history.values[target][base + i] = sums[1 + slot * p + i] }
        }
        let weightSlot = History.slot(.weight)
        for i in 0..<p { history.values[weightSlot][base + i] = parameters[i] }
    }

    /// ∂L/∂θ over the rows `batch` only (a mini-batch).
    /// - Complexity: O(|batch|·n).
    func gradient(_ parameters: [Double], rows batch: ArraySlice<Int>) -> [Double] {
        let n = design.featureCount
        var grad = [Double](repeating: 0, count: n + 1)
        for k in batch {
            let row = design.x[(k * n)..<(k * n + n)]
            var u = parameters[n]
            for (i, xi) in zip(0..<n, row) { u += parameters[i] * xi }
            let g1 = rowJet(u, design.target[k]).d1
            for (i, xi) in zip(0..<n, row) { grad[i] += g1 * xi }
            grad[n] += g1
        }
        let scale = 1 / Double(batch.count)
        return grad.map { $0 * scale }
    }
}
