@testable import SlopeCore

/// Dense O(n³) matrix forms of the HSIC estimators (docs/method.md, "HSIC estimators"), written from the
/// formulas with explicit matrix products, to check the O(n²) code against.
enum NaiveHSIC {
    typealias Matrix = [[Double]]

    static func matrix(_ gram: GramMatrix) -> Matrix {
        (0..<gram.n).map { i in (0..<gram.n).map { j in gram[i, j] } }
    }

    static func product(_ a: Matrix, _ b: Matrix) -> Matrix {
        let n = a.count
        return (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(0) { $0 + a[i][$1] * b[$1][j] } } }
    }

    static func trace(_ a: Matrix) -> Double { a.indices.reduce(0) { $0 + a[$1][$1] } }

    static func sum(_ a: Matrix) -> Double { a.reduce(0) { $0 + $1.reduce(0, +) } }

    static func centring(_ n: Int) -> Matrix {
        (0..<n).map { i in (0..<n).map { j in (i == j ? 1 : 0) - 1 / Double(n) } }
    }

    /// (1/n²) tr(K H L H).
    static func v(_ k: Matrix, _ l: Matrix) -> Double {
        let h = centring(k.count)
        return trace(product(product(k, h), product(l, h))) / Double(k.count * k.count)
    }

    /// [tr(K̃ L̃) + 1ᵀK̃1 1ᵀL̃1 / ((n−1)(n−2)) − 2/(n−2) 1ᵀ K̃ L̃ 1] / (n(n−3)).
    static func u(_ k: Matrix, _ l: Matrix) -> Double {
        let n = Double(k.count)
        func zeroDiagonal(_ a: Matrix) -> Matrix {
            a.indices.map { i in a[i].indices.map { j in i == j ? 0 : a[i][j] } }
        }
        let kt = zeroDiagonal(k), lt = zeroDiagonal(l)
        let kl = product(kt, lt)
        return (trace(kl) + sum(kt) * sum(lt) / ((n - 1) * (n - 2)) - 2 / (n - 2) * sum(kl)) / (n * (n - 3))
    }

    /// (1/n²) tr(W K W H₁ L H₂), W = diag(w)/mean(w), H₁ = I − (1/n) 1 1ᵀ W, H₂ = I − (1/n) W 1 1ᵀ.
    static func conditional(_ k: Matrix, _ l: Matrix, weights: [Double]) -> Double {
        let count = k.count, n = Double(count)
        let mean = weights.reduce(0, +) / n
        let w: Matrix = (0..<count).map { i in (0..<count).map { j in i == j ? weights[i] / mean : 0 } }
        let ones: Matrix = Array(repeating: Array(repeating: 1.0, count: count), count: count)
        let identity: Matrix = (0..<count).map { i in (0..<count).map { j in i == j ? 1.0 : 0 } }
        func minus(_ a: Matrix, _ b: Matrix, _ scale: Double) -> Matrix {
            a.indices.map { i in a[i].indices.map { j in a[i][j] - scale * b[i][j] } }
        }
        let h1 = minus(identity, product(ones, w), 1 / n)
        let h2 = minus(identity, product(w, ones), 1 / n)
        return trace(product(product(product(w, k), w), product(product(h1, l), h2))) / (n * n)
    }
}
