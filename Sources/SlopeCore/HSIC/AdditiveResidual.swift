import Foundation

/// What two inputs' separate effects leave of an output: y − ȳ − f(a) − g(b), with f and g
/// fitted by backfitting local linear smoothers (docs/method.md, "Interactions beyond the
/// two members"). An output that is additive in a and b leaves a residual that depends on
/// neither, so the dependence of the pair on the residual is their interaction.
enum AdditiveResidual {
    /// Backfitting sweeps; each halves what is left to fit on additive outputs many times over.
    static let sweeps = 20

    /// - Parameters: y, a, b: the output and the two inputs (mapped to about [0, 1]) on the
    ///   same rows.
    /// - Complexity: O(sweeps · n²) time, O(n²) memory.
    static func residual(_ y: [Double], _ a: [Double], _ b: [Double]) -> [Double] {
        let n = Double(y.count), mean = y.reduce(0, +) / n
        let sa = smoother(a), sb = smoother(b)
        var f = [Double](repeating: 0, count: y.count), g = f
        for _ in 0..<sweeps {
            f = centred(apply(sa, y.indices.map { y[$0] - mean - g[$0] }))
            g = centred(apply(sb, y.indices.map { y[$0] - mean - f[$0] }))
        }
        return y.indices.map { y[$0] - mean - f[$0] - g[$0] }
    }

    /// The local linear smoother's matrix, row-major: row i fits a line to the points with
    /// Gaussian weights w_ij around x_i (Silverman's bandwidth 1.06 σ n^(−1/5)) and reads it at
    /// x_i, S_ij = w_ij (s2 − s1 (x_j − x_i)) / (s0 s2 − s1²) with s_k = Σ_j w_ij (x_j − x_i)^k.
    /// Unlike a kernel mean it has no bias at the ends of the range for a sloped effect. Where
    /// the line is not determined (a constant input, a lone level) the row is the weighted mean.
    private static func smoother(_ x: [Double]) -> [Double] {
        let n = x.count, mean = x.reduce(0, +) / Double(n)
        let sd = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        let h = 1.06 * sd * pow(Double(n), -0.2)
        var s = [Double](repeating: 0, count: n * n)
        var w = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s0 = 0.0, s1 = 0.0, s2 = 0.0
            for j in 0..<n {
                let d = x[j] - x[i], z = h > 0 ? d / h : 0
                w[j] = exp(-0.5 * z * z)
                s0 += w[j]; s1 += w[j] * d; s2 += w[j] * d * d
            }
            let det = s0 * s2 - s1 * s1
            let linear = det > 1e-12 * s0 * s2
            for j in 0..<n {
                s[i * n + j] = linear ? w[j] * (s2 - s1 * (x[j] - x[i])) / det : w[j] / s0
            }
        }
        return s
    }

    private static func apply(_ w: [Double], _ v: [Double]) -> [Double] {
        let n = v.count
        return (0..<n).map { i in
            var s = 0.0
            for j in 0..<n { s += w[i * n + j] * v[j] }
            return s
        }
    }

    private static func centred(_ v: [Double]) -> [Double] {
        let mean = v.reduce(0, +) / Double(v.count)
        return v.map { $0 - mean }
    }
}
