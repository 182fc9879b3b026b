/// The three matrix products of a dense layer on a mini-batch, row-major, each written as
/// axpy updates of contiguous rows so that the optimiser vectorises the innermost loop.
/// Each is O(rows · inputs · outputs).
enum DenseKernels {
    /// y[0 ..< n] += a · x[0 ..< n].
    @inline(__always)
    static func axpy(_ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int) {
        for j in 0..<n { y[j] += a * x[j] }
    }

    /// z[r, :] = b + Σ_i a[r, i] w[i, :] for r in 0 ..< rows.
    static func forward(_ a: UnsafePointer<Double>, rows: Int, inputs: Int, _ w: UnsafePointer<Double>,
                        _ b: UnsafePointer<Double>, outputs: Int, into z: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let zr = z + r * outputs
            zr.update(from: b, count: outputs)
            for i in 0..<inputs where a[r * inputs + i] != 0 {
                axpy(a[r * inputs + i], w + i * outputs, zr, outputs)
            }
        }
    }

    /// gw[i, :] += Σ_r a[r, i] g[r, :] and gb += Σ_r g[r, :].
    static func weightGradient(_ a: UnsafePointer<Double>, rows: Int, inputs: Int, _ g: UnsafePointer<Double>,
                               outputs: Int, into gw: UnsafeMutablePointer<Double>, bias gb: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let gr = g + r * outputs
            axpy(1, gr, gb, outputs)
            for i in 0..<inputs where a[r * inputs + i] != 0 {
                axpy(a[r * inputs + i], gr, gw + i * outputs, outputs)
            }
        }
    }

    /// d[r, :] = Σ_j g[r, j] wᵀ[j, :], with `wt` the transpose of w (outputs × inputs).
    static func inputGradient(_ g: UnsafePointer<Double>, rows: Int, outputs: Int, _ wt: UnsafePointer<Double>,
                              inputs: Int, into d: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let dr = d + r * inputs
            dr.update(repeating: 0, count: inputs)
            for j in 0..<outputs { axpy(g[r * outputs + j], wt + j * inputs, dr, inputs) }
        }
    }
}
