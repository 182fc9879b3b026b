import Foundation

/// The two directions δ, η that span the plane of a loss surface through θ*.
public enum PlaneDirections: Sendable, Equatable {
    /// Gaussian directions (seeded), each scaled to ‖θ*‖ (Li et al. 2018; filter
    /// normalisation reduces to this for one neuron).
    case random(seed: UInt64)
    /// The weight axes of two features (indices into the design), scaled to ‖θ*‖.
    case axes(Int, Int)
    /// The first two principal directions of the first restart's trajectory θ_e − θ*,
    /// scaled to ‖θ*‖, so that the plane holds as much of the path as a plane can.
    case pca

    /// δ and η for parameters of dimension `count` around `center`.
    func vectors(center: [Double], trajectory: [[Double]]) -> ([Double], [Double]) {
        let norm = max(Self.norm(center), 1e-12)
        func scaled(_ v: [Double]) -> [Double] {
            let s = Self.norm(v)
            return s > 0 ? v.map { $0 * norm / s } : v
        }
        let count = center.count
        switch self {
        case .random(let seed):
            var g = SeededGenerator(seed: seed)
            let d = (0..<count).map { _ in g.nextNormal() }
            let e = (0..<count).map { _ in g.nextNormal() }
            return (scaled(d), scaled(e))
        case .axes(let i, let j):
            var d = [Double](repeating: 0, count: count), e = d
            d[i] = 1
            e[j] = 1
            return (scaled(d), scaled(e))
        case .pca:
            let rows = trajectory.map { zip($0, center).map { $0 - $1 } }
            let first = Self.principal(rows, orthogonalTo: nil)
            let second = Self.principal(rows, orthogonalTo: first)
            return (scaled(first), scaled(second))
        }
    }

    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The leading eigenvector of Σ_e r_e r_eᵀ (restricted to the complement of `other`),
    /// by 200 power iterations from a fixed start.
    private static func principal(_ rows: [[Double]], orthogonalTo other: [Double]?) -> [Double] {
        let count = rows.first?.count ?? 0
        var v = (0..<count).map { 1 + Double($0) / Double(max(1, count)) }
        func deflate(_ x: inout [Double]) {
            guard let o = other else { return }
            let oo = o.reduce(0) { $0 + $1 * $1 }
            guard oo > 0 else { return }
            let c = zip(x, o).reduce(0) { $0 + $1.0 * $1.1 } / oo
            for i in x.indices { x[i] -= c * o[i] }
        }
        deflate(&v)
        for _ in 0..<200 {
            var next = [Double](repeating: 0, count: count)
            for r in rows {
                let dot = zip(r, v).reduce(0) { $0 + $1.0 * $1.1 }
                for i in 0..<count { next[i] += dot * r[i] }
            }
            deflate(&next)
            let s = norm(next)
            guard s > 0 else { break }
            v = next.map { $0 / s }
        }
        return v
    }
}
