import Foundation

/// The set of good outputs that goal-oriented HSIC measures against (Novello et al. 2023;
/// Marrel and Chabridon 2021), and the weight w(y) it gives each output.
public struct Goal: Sendable, Equatable {
    /// Where the goal set ends.
    public enum Boundary: Sendable, Equatable {
        /// The best `alpha` fraction: q = sorted(y)[⌊alpha (n − 1)⌋] (numpy's "lower" quantile),
        /// mirrored for maximisation.
        case quantile(Double)
        /// A given threshold.
        case threshold(Double)
    }

    public var boundary: Boundary
    public var direction: Direction
    /// With a value s, the weight is the smooth exp(−d(y) / (s · sd(y))), d the distance of y
    /// to the goal set; without, the indicator 1{y in the goal set}.
    public var smoothness: Double?

    public init(boundary: Boundary, direction: Direction = .minimize, smoothness: Double? = nil) {
        self.boundary = boundary
        self.direction = direction
        self.smoothness = smoothness
    }

    /// The boundary value q for the sample `y`.
    /// - Complexity: O(n log n).
    public func threshold(for y: [Double]) -> Double {
        switch boundary {
        case .threshold(let t):
            return t
        case .quantile(let alpha):
            let sorted = y.sorted()
            let k = Int((alpha * Double(y.count - 1)).rounded(.down))
            return direction == .minimize ? sorted[k] : sorted[y.count - 1 - k]
        }
    }

    /// d(y): how far `y` lies outside the goal set (0 inside).
    public func distance(_ y: Double, threshold q: Double) -> Double {
        direction == .minimize ? max(0, y - q) : max(0, q - y)
    }

    /// w(y_i) for every output: 1/0 for the indicator, in (0, 1] for the smooth weight.
    public func weights(for y: [Double]) -> [Double] {
        let q = threshold(for: y)
        guard let s = smoothness else {
            return y.map { distance($0, threshold: q) == 0 ? 1 : 0 }
        }
        let spread = (Bandwidth.std.scale(for: y) ?? 1) * s
        return y.map { exp(-distance($0, threshold: q) / spread) }
    }
}
