/// The weighted centring of conditional HSIC (docs/method.md, "Goal-oriented and conditional HSIC"): with normalised weights
/// w̃ (mean 1), H₁ = I − (1/n) 1 1ᵀ W and H₂ = H₁ᵀ,
/// (H₁ L H₂)_ij = L_ij − a_i − a_j + g, a_i = (1/n) Σ_k L_ik w̃_k, g = (1/n) Σ_k a_k w̃_k,
/// and C-HSIC(K, L) = (1/n²) Σ_ij w̃_i w̃_j K_ij (H₁ L H₂)_ij.
struct WeightedCentring {
    let gram: GramMatrix
    let w: [Double]
    /// a_i = (1/n) Σ_k L_ik w̃_k.
    let a: [Double]
    /// g = (1/n) Σ_k a_k w̃_k.
    let g: Double

    /// - Complexity: O(n²).
    init(_ gram: GramMatrix, _ w: [Double]) {
        let n = gram.n
        self.gram = gram
        self.w = w
        a = gram.withEntries { e in
            (0..<n).map { i in
                var s = 0.0
                for k in 0..<n { s += e[i &* n &+ k] * w[k] }
                return s / Double(n)
            }
        }
        g = permutedDot(a, w, nil) / Double(n)
    }

    /// M = w̃ w̃ᵀ ∘ (H₁ L H₂), so that C-HSIC(K, L) = (1/n²) Σ K ∘ M.
    /// - Complexity: O(n²) time, one n × n matrix.
    var operand: GramMatrix {
        let (n, a, g, w) = (gram.n, a, g, w)
        return gram.withEntries { e in
            GramMatrix(n: n) { i, j in w[i] * w[j] * (e[i &* n &+ j] - a[i] - a[j] + g) }
        }
    }

    /// C-HSIC(L, L) = (1/n²) [Σ w̃_i w̃_j L_ij² − 2n Σ w̃_i a_i² + n² g²].
    /// - Complexity: O(n²), no extra matrix.
    var selfValue: Double {
        let count = gram.n
        let n = Double(count)
        var squares = 0.0
        gram.withEntries { e in
            for i in 0..<count {
                var s = 0.0
                for j in 0..<count {
                    let v = e[i &* count &+ j]
                    s += w[j] * v * v
                }
                squares += w[i] * s
            }
        }
        var middle = 0.0
        for i in 0..<count { middle += w[i] * a[i] * a[i] }
        return (squares - 2 * n * middle + n * n * g * g) / (n * n)
    }
}
