/// The loss on a plane through the trained parameters (docs/method.md, "Loss surface and image mask"; the paper's Fig. 1):
/// L(θ* + α δ + β η) on a grid of α, β in [−span, span], with every restart's training path
/// projected onto the plane.
public struct LossSurface: Sendable {
    /// The grid coordinates (the same for α and β).
    public let coordinates: [Double]
    /// `loss[j * grid + i]` = L(θ* + coordinates[i] δ + coordinates[j] η).
    public let loss: [Double]
    /// θ*: the first restart's parameters at its last recorded epoch (n weights, then bias).
    public let center: [Double]
    public let delta: [Double]
    public let eta: [Double]
    /// Per restart, (α, β) of each recorded θ_e: the least-squares projection of θ_e − θ*
    /// onto span(δ, η).
    public let paths: [[(alpha: Double, beta: Double)]]
    /// The loss at θ* (equals the grid value at α = β = 0 when the grid is odd).
    public let centerLoss: Double

    /// - Parameters:
    ///   - grid: points per axis (≥ 2).
    ///   - span: the grid covers α, β ∈ [−span, span] in units of ‖δ‖ = ‖η‖ = ‖θ*‖.
    /// - Complexity: O(grid² · N · n) for the surface, O(restarts · epochs · n) for the paths.
    public init(loss: NetworkLoss, histories: [History], directions: PlaneDirections, grid: Int, span: Double) {
        precondition(grid >= 2 && !histories.isEmpty)
        let trajectories = histories.map(Self.parameters)
        let center = trajectories[0].last!
        let (delta, eta) = directions.vectors(center: center, trajectory: trajectories[0])
        let coordinates = (0..<grid).map { -span + 2 * span * Double($0) / Double(grid - 1) }
        self.coordinates = coordinates
        self.center = center
        self.delta = delta
        self.eta = eta
        self.centerLoss = loss(center)
        self.loss = parallelMap(grid) { j in
            coordinates.map { a in
                loss(center.indices.map { center[$0] + a * delta[$0] + coordinates[j] * eta[$0] })
            }
        }.flatMap { $0 }
        paths = trajectories.map { path in path.map { Self.project($0, center, delta, eta) } }
    }

    /// The index into `loss` of the smallest grid value.
    public var minimumIndex: Int { loss.indices.min { loss[$0] < loss[$1] }! }

    /// θ_e for every recorded epoch of a history.
    static func parameters(_ history: History) -> [[Double]] {
        (0..<history.epochCount).map { e in
            (0..<history.parameterCount).map { history.value(.weight, parameter: $0, epoch: e) }
        }
    }

    /// The (α, β) minimising ‖θ − θ* − α δ − β η‖ (2 × 2 normal equations).
    static func project(_ theta: [Double], _ center: [Double], _ d: [Double], _ e: [Double]) -> (alpha: Double, beta: Double) {
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        let r = zip(theta, center).map { $0 - $1 }
        let (dd, de, ee) = (dot(d, d), dot(d, e), dot(e, e))
        let (rd, re) = (dot(r, d), dot(r, e))
        let det = dd * ee - de * de
        guard abs(det) > 1e-300 else { return (dd > 0 ? rd / dd : 0, 0) }
        return ((rd * ee - re * de) / det, (re * dd - rd * de) / det)
    }
}
