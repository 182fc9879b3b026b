/// The three matrix products of a dense layer on a mini-batch, row-major, written as axpy
/// loops over contiguous rows so that the optimiser vectorises the innermost loop.
/// Each is O(rows · inputs · outputs).
enum DenseKernels {
    /// z[r, :] = b + Σ_i a[r, i] w[i, :] for r in 0 ..< rows.
    static func forward(_ a: UnsafePointer<Double>, rows: Int, inputs: Int, _ w: UnsafePointer<Double>,
                        _ b: UnsafePointer<Double>, outputs: Int, into z: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let zr = z + r * outputs
            zr.update(from: b, count: outputs)
            for i in 0..<inputs {
                let x = a[r * inputs + i]
                if x == 0 { continue }
                let wi = w + i * outputs
                for j in 0..<outputs { zr[j] += x * wi[j] }
            }
        }
    }

    /// gw[i, :] += Σ_r a[r, i] g[r, :] and gb += Σ_r g[r, :].
    static func weightGradient(_ a: UnsafePointer<Double>, rows: Int, inputs: Int, _ g: UnsafePointer<Double>,
                               outputs: Int, into gw: UnsafeMutablePointer<Double>, bias gb: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let gr = g + r * outputs
            for j in 0..<outputs { gb[j] += gr[j] }
            for i in 0..<inputs {
                let x = a[r * inputs + i]
                if x == 0 { continue }
                let gwi = gw + i * outputs
                for j in 0..<outputs { gwi[j] += x * gr[j] }
            }
        }
    }

    /// d[r, :] = Σ_j g[r, j] wᵀ[j, :], with `wt` the transpose of w (outputs × inputs).
    static func inputGradient(_ g: UnsafePointer<Double>, rows: Int, outputs: Int, _ wt: UnsafePointer<Double>,
                              inputs: Int, into d: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let dr = d + r * inputs
            dr.update(repeating: 0, count: inputs)
            for j in 0..<outputs {
                let x = g[r * outputs + j]
                let wtj = wt + j * inputs
                for i in 0..<inputs { dr[i] += x * wtj[i] }
            }
        }
    }
}
