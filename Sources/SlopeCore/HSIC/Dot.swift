/// Σ_i a_i b_{σ(i)}, or Σ_i a_i b_i when `sigma` is nil.
/// - Complexity: O(n).
func permutedDot(_ a: [Double], _ b: [Double], _ sigma: [Int]?) -> Double {
    var s = 0.0
    if let sigma {
        for i in a.indices { s += a[i] * b[sigma[i]] }
    } else {
        for i in a.indices { s += a[i] * b[i] }
    }
    return s
}
