import CVectorLoops
import Foundation

/// One pass over the data per epoch that gives the loss and every recorded derivative for
/// every parameter of every restart at once (docs/method.md, "Derivatives, two conventions").
///
/// For each row k and restart r the scalar g_k(u) = ℓ(σ(u), t_k) is evaluated on a `Jet` at
/// u_kr = w_r·x_k + b_r, giving g', g'', g''' exactly (for tanh with MSE by the vector form in
/// CVectorLoops, which performs the same operations); then, with s_k = Σ_j x_kj,
/// d1_i = mean g'·x_i, d2_i = mean g''·x_i², d3_i = mean g'''·x_i³,
/// d2_tape_i = mean g''·x_i·s, d3_tape_i = mean g'''·x_i·s², and the bias likewise with x = 1.
///
/// The trainings of one pass are `KernelTrack`s: a restart fits the design's target and records
/// all five quantities; a null training (docs/method.md, "A null for the trend") fits a shuffled
/// target and records only d1 (for its descent) and the second derivative the reading reads.
///
/// The rows are cut into fixed chunks of `chunkRows`, and chunks may run in parallel; a chunk
/// goes through `RowBlock`s (feature-major blocks of rows), each read once for all tracks.
/// Block sums are added in block order, chunk sums in chunk order. The result therefore
/// depends neither on the number of threads nor on which tracks are computed together.
///
/// - Complexity: O(N·n) time per track and epoch, O(T·n·N / chunkRows) extra memory.
struct HistoryKernel: Sendable {
    let design: Design
    let activation: Activation
    let loss: Loss
    /// The targets tracks fit, one after another (N each): 0 is the design's, then the shuffled
    /// ones of null trainings.
    let targets: [Double]
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
        targets = design.target + shuffledTargets.joined()
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
        // What the block loop reads of the tracks, gathered once per pass.
        let theta = tracks.flatMap(\.theta), reads = tracks.map(\.reads), fits = tracks.map(\.target)
        let part = { @Sendable (chunk: Int) -> [Double] in
            let start = chunk * Self.chunkRows
            return chunkSums(theta: theta, reads: reads, fits: fits, offsets: offsets,
                             rows: start..<min(rows, start + Self.chunkRows))
        }
        let partials = parallel ? parallelMap(chunkCount, part) : (0..<chunkCount).map(part)
        // Chunk partials in chunk order.
        var total = [Double](repeating: 0, count: offsets.last!)
        for partial in partials { for q in total.indices { total[q] += partial[q] } }
        let scale = 1 / Double(rows)
        return tracks.indices.map { r in total[offsets[r]..<offsets[r + 1]].map { $0 * scale } }
    }

    /// Unscaled sums over `range` for the tracks (their parameters one after another in
    /// `theta`, what each `reads`, the target each `fits`), track after track from `offsets`:
    /// the rows in `RowBlock`s of fixed size, each block read once for all tracks; the loss
    /// summed row by row, the derivative sums block by block.
    private func chunkSums(theta: [Double], reads: [Convention?], fits: [Int], offsets: [Int],
                           rows range: Range<Int>) -> [Double] {
        var acc = [Double](repeating: 0, count: offsets.last!)
        var block = RowBlock(features: design.featureCount)
        let p = design.featureCount + 1, rowCount = design.rowCount
        design.x.withUnsafeBufferPointer { x in
        rowSums.withUnsafeBufferPointer { s in
        targets.withUnsafeBufferPointer { t in
        theta.withUnsafeBufferPointer { theta in
        acc.withUnsafeMutableBufferPointer { acc in
            for first in stride(from: range.lowerBound, to: range.upperBound, by: RowBlock.capacity) {
                let rows = first..<min(range.upperBound, first + RowBlock.capacity)
                block.load(x.baseAddress!, rows: rows)
                for r in reads.indices {
                    block.affine(theta.baseAddress! + r &* p)
                    add(reads[r], in: block, targets: t.baseAddress! + (fits[r] &* rowCount &+ first),
                        rowSums: s.baseAddress! + first, into: acc.baseAddress! + offsets[r])
                }
            }
        }}}}}
        return acc
    }

    /// Adds one track's block sums to `a` (the loss, then its recorded lines): the row jets at
    /// the block's u and the rows' `targets` and `rowSums` give the coefficients d1, d2, d3,
    /// d2·s, d3·s² for a restart (`reads` nil), d1 and d2 (diagonal) or d2·s (tape) for a null
    /// training, which the block reduces against the powers of x; the loss is summed row by row.
    @inline(__always)
    private func add(_ reads: Convention?, in block: borrowing RowBlock, targets t: UnsafePointer<Double>,
                     rowSums s: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>) {
        let c0 = block.coefficient(0), c1 = block.coefficient(1), c2 = block.coefficient(2)
        // The losses replace u, which the jets no longer need.
        rowJets(block.u, targets: t, count: block.count, values: block.u, d1: c0, d2: c1, d3: c2)
        var loss = 0.0
        for k in 0..<block.count { loss += block.u[k] }
        a[0] += loss
        switch reads {
        case nil:
            let c3 = block.coefficient(3), c4 = block.coefficient(4)
            for k in 0..<block.count {
                let sk = s[k]
                c3[k] = c1[k] * sk; c4[k] = c2[k] * sk * sk
            }
            block.padCoefficients(5)
            block.reduceFive(into: a + 1)
        case .tape?:
            for k in 0..<block.count { c1[k] = c1[k] * s[k] }
            block.padCoefficients(2)
            block.reduceTwo(power: 1, into: a + 1)
        case .diag?:
            block.padCoefficients(2)
            block.reduceTwo(power: 2, into: a + 1)
        }
    }

    /// g, g', g'', g''' at `u` for `count` rows into four lines (`values` may be `u`): for tanh
    /// with the MSE loss the vector form in CVectorLoops, otherwise the generic jets; the two
    /// give the same bits (RowJetsTests).
    @inline(__always)
    private func rowJets(_ u: UnsafeMutablePointer<Double>, targets t: UnsafePointer<Double>, count: Int,
                         values: UnsafeMutablePointer<Double>, d1: UnsafeMutablePointer<Double>,
                         d2: UnsafeMutablePointer<Double>, d3: UnsafeMutablePointer<Double>) {
        if activation == .tanh && loss == .mse {
            slope_tanh_mse_jets(u, t, count, values, d1, d2, d3, VectorForm.avx2)
            return
        }
        for k in 0..<count {
            let jet = rowJet(u[k], t[k])
            values[k] = jet.value; d1[k] = jet.d1; d2[k] = jet.d2; d3[k] = jet.d3
        }
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
        let parameters = track.theta, offset = track.target * design.rowCount
        let n = design.featureCount
        var grad = [Double](repeating: 0, count: n + 1)
        for k in batch {
            let row = design.x[(k * n)..<(k * n + n)]
            var u = parameters[n]
            for (i, xi) in zip(0..<n, row) { u += parameters[i] * xi }
            let g1 = rowJet(u, targets[offset + k]).d1
            for (i, xi) in zip(0..<n, row) { grad[i] += g1 * xi }
            grad[n] += g1
        }
        let scale = 1 / Double(batch.count)
        return grad.map { $0 * scale }
    }
}
