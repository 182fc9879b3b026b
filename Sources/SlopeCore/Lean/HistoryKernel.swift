import Foundation

/// One pass over the data per epoch that gives the loss and every recorded derivative for
/// every parameter of every restart at once (docs/method.md, "Derivatives, two conventions").
///
/// For each row k and restart r the scalar g_k(u) = ℓ(σ(u), t_k) is evaluated on a `Jet` at
/// u_kr = w_r·x_k + b_r, giving g', g'', g''' exactly; then, with s_k = Σ_j x_kj,
/// d1_i = mean g'·x_i, d2_i = mean g''·x_i², d3_i = mean g'''·x_i³,
/// d2_tape_i = mean g''·x_i·s, d3_tape_i = mean g'''·x_i·s², and the bias likewise with x = 1.
///
/// The trainings of one pass are `KernelTrack`s: a restart fits the design's target and records
/// all five quantities; a null training (docs/method.md, "A null for the trend") fits a shuffled
/// target and records only d1 (for its descent) and the second derivative the reading reads.
///
/// The rows are cut into fixed chunks of `chunkRows`; a chunk is read once for all tracks,
/// and chunks may run in parallel. Within a chunk rows are summed in order; chunk sums are
/// added in chunk order. The result therefore depends neither on the number of threads nor
/// on which tracks are computed together.
///
/// - Complexity: O(N·n) time per track and epoch, O(T·n·N / chunkRows) extra memory.
struct HistoryKernel: Sendable {
    let design: Design
    let activation: Activation
    let loss: Loss
    /// The targets tracks fit: 0 is the design's, then the shuffled ones of null trainings.
    let targets: [[Double]]
    /// s_k = Σ_j x_kj, fixed for the whole training.
    let rowSums: [Double]
    /// Rows per chunk: the unit of parallel work and of the fixed summation order.
    static let chunkRows = 2048
    /// The cores work is spread over.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// - Parameter shuffledTargets: the targets of null trainings, each a permutation of the design's.
    init(design: Design, activation: Activation, loss: Loss, shuffledTargets: [[Double]] = []) {
        self.design = design
        self.activation = activation
        self.loss = loss
        targets = [design.target] + shuffledTargets
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

    /// The loss and the mean sums of every track at its parameters; the chunks run in parallel
    /// when `parallel`.
    /// - Returns: per track, `KernelTrack.width` numbers: the loss, then d1, d2, d3, d2_tape,
    ///   d3_tape (a restart) or d1 and the read second derivative (a null training), each over
    ///   the n weights and the bias.
    func sums(_ tracks: [KernelTrack], parallel: Bool) -> [[Double]] {
        let p = design.featureCount + 1, rows = design.rowCount
        let offsets = tracks.reduce(into: [0]) { $0.append($0.last! + $1.width(parameters: p)) }
        let part = { @Sendable (chunk: Int) -> [Double] in
            let start = chunk * Self.chunkRows
            return chunkSums(tracks, offsets: offsets, rows: start..<min(rows, start + Self.chunkRows))
        }
        let partials = parallel ? parallelMap(chunkCount, part) : (0..<chunkCount).map(part)
        // Chunk partials in chunk order.
        var total = [Double](repeating: 0, count: offsets.last!)
        for partial in partials { for q in total.indices { total[q] += partial[q] } }
        let scale = 1 / Double(rows)
        return tracks.indices.map { r in total[offsets[r]..<offsets[r + 1]].map { $0 * scale } }
    }

    /// Unscaled sums over `range` for `tracks`, track after track from `offsets`.
    private func chunkSums(_ tracks: [KernelTrack], offsets: [Int], rows range: Range<Int>) -> [Double] {
        let n = design.featureCount, p = n + 1, g = tracks.count
        var acc = [Double](repeating: 0, count: offsets.last!)
        let theta = tracks.flatMap(\.theta)
        var u = [Double](repeating: 0, count: g)
        // x² and x³ of the current row, computed once for all tracks.
        var squares = [Double](repeating: 0, count: n), cubes = squares
        squares.withUnsafeMutableBufferPointer { x2 in
        cubes.withUnsafeMutableBufferPointer { x3 in
        design.x.withUnsafeBufferPointer { x in
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
                    let jet = rowJet(u[r], targets[tracks[r].target][k])
                    let base = acc.baseAddress! + offsets[r]
                    base[0] += jet.value
                    switch tracks[r].reads {
                    case nil:
                        Self.accumulate(row: row, squares: x2.baseAddress!, cubes: x3.baseAddress!, n: n, into: base + 1,
                                        coefficients: (jet.d1, jet.d2, jet.d3, jet.d2 * sk, jet.d3 * sk * sk))
                    case .diag?:
                        Self.accumulate(row: row, second: x2.baseAddress!, n: n, into: base + 1, coefficients: (jet.d1, jet.d2))
                    case .tape?:
                        Self.accumulate(row: row, second: row, n: n, into: base + 1, coefficients: (jet.d1, jet.d2 * sk))
                    }
                }
            }
        }}}}}}}
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

    /// a1 += c1·x and a2 += c2·v over the n features of one row and the bias (x = v = 1) at
    /// index n; the two accumulators lie p = n + 1 apart from `a`. A null training's sums:
    /// v = x² with c2 = g'' for the diagonal, v = x with c2 = g''·s for the tape convention.
    @inline(__always)
    static func accumulate(row: UnsafePointer<Double>, second v: UnsafePointer<Double>, n: Int,
                           into a: UnsafeMutablePointer<Double>, coefficients c: (Double, Double)) {
        let a1 = a, a2 = a1 + (n &+ 1)
        let c1 = SIMD4(repeating: c.0), c2 = SIMD4(repeating: c.1)
        var i = 0
        while i &+ 4 <= n {
            store(load(a1 + i) + c1 * load(row + i), a1 + i)
            store(load(a2 + i) + c2 * load(v + i), a2 + i)
            i &+= 4
        }
        while i < n {
            a1[i] += c.0 * row[i]; a2[i] += c.1 * v[i]
            i &+= 1
        }
        a1[n] += c.0; a2[n] += c.1
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

    /// Writes epoch `epoch` of `history` from one track's `sums` at `parameters`: every
    /// quantity for a restart; the loss, d1 and the read second derivative for a null training.
    static func record(_ sums: [Double], of track: KernelTrack, epoch: Int, into history: inout History) {
        let p = track.theta.count, base = epoch * p
        history.loss[epoch] = sums[0]
        for (slot, quantity) in track.recorded.enumerated() {
            let target = History.slot(quantity)
            for i in 0..<p { history.values[target][base + i] = sums[1 + slot * p + i] }
        }
        let weightSlot = History.slot(.weight)
        for i in 0..<p { history.values[weightSlot][base + i] = track.theta[i] }
    }

    /// ∂L/∂θ of `track` over the rows `batch` only (a mini-batch).
    /// - Complexity: O(|batch|·n).
    func gradient(_ track: KernelTrack, rows batch: ArraySlice<Int>) -> [Double] {
        let parameters = track.theta, target = targets[track.target]
        let n = design.featureCount
        var grad = [Double](repeating: 0, count: n + 1)
        for k in batch {
            let row = design.x[(k * n)..<(k * n + n)]
            var u = parameters[n]
            for (i, xi) in zip(0..<n, row) { u += parameters[i] * xi }
            let g1 = rowJet(u, target[k]).d1
            for (i, xi) in zip(0..<n, row) { grad[i] += g1 * xi }
            grad[n] += g1
        }
        let scale = 1 / Double(batch.count)
        return grad.map { $0 * scale }
    }
}
