import SlopeCore

/// The caption that says which plane a loss surface shows.
public enum PlaneCaption {
    /// e.g. "δ, η = Gaussian directions (seed 0) scaled to ‖θ*‖".
    public static func text(_ plane: SurfaceOptions.Plane, seed: UInt64) -> String {
        switch plane {
        case let .axes(a, b): return "δ, η = the weight axes of \(a) and \(b), scaled to ‖θ*‖"
        case .random: return "δ, η = Gaussian directions (seed \(seed)) scaled to ‖θ*‖"
        case .pca: return "δ, η = the first two principal directions of restart 0's path, scaled to ‖θ*‖"
        }
    }
}
