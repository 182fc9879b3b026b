import CVectorLoops

/// Global HSIC (V-statistic) of real inputs against one output, Gaussian kernels with the
/// std bandwidth, with R2-HSIC and the gamma p-value (docs/method.md, "HSIC estimators"),
/// the input's kernel entries formed on the fly: two passes over the lower triangle, O(n)
/// memory per input besides the output's Gram matrix, inputs in parallel. The same statistic
/// as `HSICAnalysis` with `permutations = 0`, to rounding (summed in another order, with the
/// vector exp of CVectorLoops; the indices' cancellation can lift that to ~1e-12 relative).
enum StreamedHSIC {
    /// One index per input, in order; "constant on its rows" for an input with one value.
    /// - Precondition: `output` takes at least two values; every input has `output.count` values.
    /// - Complexity: O(d n²) time (2 exp per entry pair), O(n²) for the output's Gram matrix and
    ///   O(n) per worker.
    static func indices(inputs: [(name: String, values: [Double])], output: [Double]) -> [HSICIndex] {
        let n = output.count
        guard let sy = Bandwidth.std.scale(for: output) else {
            return inputs.map { HSICIndex(name: $0.name, rows: n, note: "the output is constant") }
        }
        let l = GramMatrix(values: output, kernel: .gaussian, scale: sy)
        let ls = GramSummary(l)
        let lSelf = HSICEstimator.v.value(inner: permutedInner([l], l, nil)[0], k: ls, l: ls, sigma: nil)
        return parallelMap(inputs.count) { d in
            let (name, x) = inputs[d]
            guard Set(x).count > 1, let sx = Bandwidth.std.scale(for: x) else {
                return HSICIndex(name: name, rows: n, note: "constant on its rows")
            }
            return l.withEntries { le in index(name: name, x: x, scale: sx, le: le, l: ls, lSelf: lSelf) }
        }
    }

    /// One input: pass 1 sums K's rows, Σ K∘L and Σ K²; pass 2 the centred products' squares.
    /// Each row of the lower triangle is one call into CVectorLoops (four entries a vector).
    private static func index(name: String, x: [Double], scale: Double, le: UnsafeBufferPointer<Double>,
                              l: GramSummary, lSelf: Double) -> HSICIndex {
        let n = x.count
        var rows = [Double](repeating: 1, count: n)   // the diagonal, k(x, x) = 1
        var inner = 0.0, squares = 0.0
        var sums = [0.0, 0.0, 0.0]
        for i in 0..<n {
            slope_gaussian_row_sums(x, i, scale, le.baseAddress! + i &* n, &rows, &sums, VectorForm.avx2)
            rows[i] += sums[0]
            inner += 2 * sums[1] + le[i &* n &+ i]
            squares += 2 * sums[2] + 1
        }
        let k = GramSummary(rowSums: rows, diagonal: [Double](repeating: 1, count: n))
        let hsic = HSICEstimator.v.value(inner: inner, k: k, l: l, sigma: nil)
        let kSelf = HSICEstimator.v.value(inner: squares, k: k, l: k, sigma: nil)
        let denominator = (kSelf * lSelf).squareRoot()
        var index = HSICIndex(name: name, rows: n, hsic: hsic, r2HSIC: denominator > 0 ? hsic / denominator : nil)
        index.kind = .continuous
        // Pass 2: Σ_{i≠j} ((HKH)_ij (HLH)_ij)² with the row means now known.
        let nd = Double(n)
        let km = rows.map { $0 / nd }, lm = l.rowSums.map { $0 / nd }
        let kg = k.total / (nd * nd), lg = l.total / (nd * nd)
        var centred = 0.0
        for i in 0..<n {
            centred += slope_gaussian_row_centred(x, i, scale, le.baseAddress! + i &* n, km, kg, lm, lg, VectorForm.avx2)
        }
        index.pGamma = GammaTest.pValue(hsic: hsic, estimator: .v, kSummary: k, lSummary: l, centredProductSquares: 2 * centred)
        return index
    }
}
