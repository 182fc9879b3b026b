import Foundation

/// One pass over the data per epoch that gives the loss and every recorded derivative for
/// every parameter of every restart at once (METHOD.md part 2).
///
/// For each row k and restart r the scalar g_k(u) = ℓ(σ(u), t_k) is evaluated on a `Jet` at
/// u_kr = w_r·x_k + b_r, giving g', g'', g''' exactly; then, with s_k = Σ_j x_kj,
/// d1_i = mean g'·x_i, d2_i = mean g''·x_i², d3_i = mean g'''·x_i³,
/// d2_tape_i = mean g''·x_i·s, d3_tape_i = mean g'''·x_i·s², and the bias likewise with x = 1.
///
/// The rows are cut into fixed chunks of `chunkRows`; a work item is one chunk for a group of
/// restarts, so a row is read once for all restarts of its group, and chunks run in parallel.
/// Within a chunk rows are summed in order; chunk sums are added in chunk order. The result
/// therefore depends neither on the number of threads nor on how restarts are grouped.
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

    /// The loss and the mean sums (d1, d2, d3, d2_tape, d3_tape, each over the n weights and
    /// the bias) of every restart at `thetas` (per restart: n weights, then the bias).
    /// - Returns: per restart, 1 + 5·(n + 1) numbers: the loss, then the five quantities.
    func sums(_ thetas: [[Double]]) -> [[Double]] {
        let n = design.featureCount, rows = design.rowCount, restarts = thetas.count
        let chunks = max(1, (rows + Self.chunkRows - 1) / Self.chunkRows)
        // Enough work items to keep every core busy, restarts grouped within a chunk.
        let groups = min(restarts, max(1, (Self.cores + chunks - 1) / chunks))
        let groupSize = (restarts + groups - 1) / groups
        let width = 1 + Self.sumSlots * (n + 1)
        let partials = parallelMap(chunks * groups) { item -> [Double] in
            let chunk = item / groups, group = item % groups
            let first = group * groupSize, count = max(0, min(restarts, first + groupSize) - first)
            let start = chunk * Self.chunkRows
            return chunkSums(Array(thetas[first..<(first + count)]), rows: start..<min(rows, start + Self.chunkRows))
        }
        // Chunk partials in chunk order, for each restart.
        var out = Array(repeating: [Double](repeating: 0, count: width), count: restarts)
        for chunk in 0..<chunks {
            for group in 0..<groups {
                let part = partials[chunk * groups + group]
                let first = group * groupSize
                for (j, r) in (first..<min(restarts, first + groupSize)).enumerated() {
                    for q in 0..<width { out[r][q] += part[j * width + q] }
                }
            }
        }
        let scale = 1 / Double(rows)
        return out.map { $0.map { $0 * scale } }
    }

    /// Unscaled sums over `range` for the restarts `thetas`, restart after restart.
    private func chunkSums(_ thetas: [[Double]], rows range: Range<Int>) -> [Double] {
        let n = design.featureCount, p = n + 1, g = thetas.count, width = 1 + Self.sumSlots * p
        var acc = [Double](repeating: 0, count: g * width)
        // θ transposed (row i: weight i of every restart; row n: the biases), so that u for all
        // restarts is a sum of contiguous vectors.
        var thetaT = [Double](repeating: 0, count: p * g)
        for r in 0..<g { for i in 0..<p { thetaT[i * g + r] = thetas[r][i] } }
        var u = [Double](repeating: 0, count: g)
        // x² and x³ of the current row, computed once for all restarts.
        var squares = [Double](repeating: 0, count: n), cubes = squares
        squares.withUnsafeMutableBufferPointer { x2 in
        cubes.withUnsafeMutableBufferPointer { x3 in
        design.x.withUnsafeBufferPointer { x in
        design.target.withUnsafeBufferPointer { t in
        rowSums.withUnsafeBufferPointer { s in
        thetaT.withUnsafeBufferPointer { th in
        u.withUnsafeMutableBufferPointer { u in
        acc.withUnsafeMutableBufferPointer { acc in
            let bias = th.baseAddress! + n &* g
            for k in range {
                let row = x.baseAddress! + k &* n
                for i in 0..<n { x2[i] = row[i] * row[i]; x3[i] = x2[i] * row[i] }
                for r in 0..<g { u[r] = bias[r] }
                for i in 0..<n {
                    let xi = row[i], wi = th.baseAddress! + i &* g
                    for r in 0..<g { u[r] += wi[r] * xi }
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

    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// a1 += c1·x, a2 += c2·x², a3 += c3·x³, a2t += c2t·x, a3t += c3t·x over the n features
    /// of one row (its squares and cubes given), and the bias terms (x = 1) at index n; the five accumulators lie p = n + 1
    /// apart from `a`. Written with explicit 4-wide vectors: the five store streams into one
    /// buffer keep the optimiser from vectorising the plain loop.
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
