/// One pass over the data that gives the loss and every recorded derivative for every
/// parameter at once (METHOD.md part 2).
///
/// For each row k the scalar g_k(u) = ℓ(σ(u), t_k) is evaluated on a `Jet` at
/// u_k = w·x_k + b, giving g', g'', g''' exactly; then, with s_k = Σ_j x_kj,
/// d1_i = mean g'·x_i, d2_i = mean g''·x_i², d3_i = mean g'''·x_i³,
/// d2_tape_i = mean g''·x_i·s, d3_tape_i = mean g'''·x_i·s², and the bias likewise with x = 1.
///
/// - Complexity: O(N·n) time per epoch, O(n) extra memory. Rows are summed in order, so
///   the result does not depend on threads.
struct HistoryKernel: Sendable {
    let design: Design
    let activation: Activation
    let loss: Loss
    /// s_k = Σ_j x_kj, fixed for the whole training.
    let rowSums: [Double]

    init(design: Design, activation: Activation, loss: Loss) {
        self.design = design
        self.activation = activation
        self.loss = loss
        let n = design.featureCount
        rowSums = (0..<design.rowCount).map { k in
            design.x[(k * n)..<(k * n + n)].reduce(0, +)
        }
    }

    /// g(u), g'(u), g''(u), g'''(u) for target t.
    @inline(__always)
    func rowJet(_ u: Double, _ t: Double) -> Jet {
        loss(activation(Jet.variable(u)), t)
    }

    /// Records epoch `epoch` of `history` at `parameters` (n weights, then the bias).
    /// - Returns: the gradient ∂L/∂θ (the `d1` just recorded), for the update.
    func record(_ parameters: [Double], epoch: Int, into history: inout History) -> [Double] {
        let n = design.featureCount, p = n + 1, rows = design.rowCount
        var sums = [Double](repeating: 0, count: 5 * p)
        var lossSum = 0.0
        design.x.withUnsafeBufferPointer { x in
        design.target.withUnsafeBufferPointer { t in
        rowSums.withUnsafeBufferPointer { s in
        parameters.withUnsafeBufferPointer { theta in
        sums.withUnsafeMutableBufferPointer { acc in
            let a1 = acc.baseAddress!, a2 = a1 + p, a3 = a2 + p, a2t = a3 + p, a3t = a2t + p
            for k in 0..<rows {
                let row = x.baseAddress! + k &* n
                var u = theta[n]
                for i in 0..<n { u += theta[i] * row[i] }
                let g = rowJet(u, t[k])
                let sk = s[k]
                let c2t = g.d2 * sk, c3t = g.d3 * sk * sk
                lossSum += g.value
                for i in 0..<n {
                    let xi = row[i], xi2 = xi * xi
                    a1[i] += g.d1 * xi
                    a2[i] += g.d2 * xi2
                    a3[i] += g.d3 * xi2 * xi
                    a2t[i] += c2t * xi
                    a3t[i] += c3t * xi
                }
                a1[n] += g.d1; a2[n] += g.d2; a3[n] += g.d3; a2t[n] += c2t; a3t[n] += c3t
            }
        }}}}}
        let scale = 1 / Double(rows)
        history.loss[epoch] = lossSum * scale
        let base = epoch * p
        let quantities: [Quantity] = [.d1, .d2, .d3, .d2Tape, .d3Tape]
        for (slot, quantity) in quantities.enumerated() {
            let target = History.slot(quantity)
            for i in 0..<p { history.values[target][base + i] = sums[slot * p + i] * scale }
        }
        let weightSlot = History.slot(.weight)
        for i in 0..<p { history.values[weightSlot][base + i] = parameters[i] }
        return (0..<p).map { sums[$0] * scale }
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
