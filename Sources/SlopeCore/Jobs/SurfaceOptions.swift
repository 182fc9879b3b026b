/// The plane and grid of a loss surface (docs/method.md, "Loss surface").
public struct SurfaceOptions: Sendable, Equatable {
    /// How the plane's two directions are chosen.
    public enum Plane: Sendable, Equatable {
        /// Gaussian directions seeded by the training's first seed.
        case random
        /// The first two principal directions of restart 0's path.
        case pca
        /// The weight axes of two features, by name.
        case axes(String, String)
    }

    /// Points per axis, 3 to 401.
    public let grid: Int
    /// The grid covers α, β ∈ [−span, span] in units of ‖θ*‖; positive.
    public let span: Double
    public let plane: Plane

    /// - Throws: `SlopeError.invalidSetting` for a grid, span or pair of axes out of range.
    public init(grid: Int = 41, span: Double = 1.0, plane: Plane = .random) throws(SlopeError) {
        guard grid >= 3 && grid <= 401 else { throw SlopeError.invalidSetting(.grid, reason: "must be between 3 and 401") }
        guard span > 0 && span.isFinite else { throw SlopeError.invalidSetting(.span, reason: "must be a positive number") }
        if case let .axes(a, b) = plane, a == b {
            throw SlopeError.invalidSetting(.axes, reason: "give two different feature names")
        }
        self.grid = grid
        self.span = span
        self.plane = plane
    }

    /// The directions for `design`, seeded by `seed` when random.
    /// - Throws: `SlopeError.invalidSetting(.axes, …)` when an axis is not a feature.
    func directions(_ design: Design, seed: UInt64) throws -> PlaneDirections {
        switch plane {
        case .random: return .random(seed: seed)
        case .pca: return .pca
        case let .axes(a, b):
            let index = try [a, b].map { name in
                guard let i = design.featureNames.firstIndex(of: name) else {
                    throw SlopeError.invalidSetting(.axes, reason: "\"\(name)\" is not a feature (features: \(design.featureNames.joined(separator: ", ")))")
                }
                return i
            }
            return .axes(index[0], index[1])
        }
    }

    /// The surface around the first restart's trained parameters.
    /// - Complexity: O(grid² · N · n).
    func surface(_ design: Design, _ training: TrainingOptions, _ histories: [History],
                 directions: PlaneDirections) -> LossSurface {
        let loss = NetworkLoss(design: design, activation: training.activation, loss: training.loss)
        return LossSurface(loss: loss, histories: histories, directions: directions, grid: grid, span: span)
    }
}
