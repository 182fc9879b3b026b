import Foundation

/// Colour maps from [0, 1] (or [-1, 1]) to sRGB hex colours.
public enum ColorMap {
    /// Matplotlib's viridis (perceptually uniform), by linear interpolation between 9 of its
    /// 256 entries. viridis(0) = #440154, viridis(1) = #fde725.
    public static func viridis(_ t: Double) -> String {
        interpolate(viridisStops, t)
    }

    /// A diverging map for signed values in [-1, 1]: blue (#2166ac) at -1, white (#f7f7f7)
    /// at 0, red (#b2182b) at +1 (ColorBrewer RdBu ends).
    public static func diverging(_ s: Double) -> String {
        interpolate(divergingStops, (s + 1) / 2)
    }

    /// Tableau's 10 qualitative colours, for the k-th of several series (cycling).
    public static func category(_ k: Int) -> String { categories[((k % categories.count) + categories.count) % categories.count] }

    private static let categories = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                     "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    private static let viridisStops: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]

    private static let divergingStops: [(Double, Double, Double)] = [
        (33, 102, 172), (103, 169, 207), (209, 229, 240), (247, 247, 247),
        (253, 219, 199), (239, 138, 98), (178, 24, 43),
    ]

    private static func interpolate(_ stops: [(Double, Double, Double)], _ t: Double) -> String {
        let t = t.isFinite ? min(1, max(0, t)) : 0
        let x = t * Double(stops.count - 1)
        let i = min(Int(x), stops.count - 2)
        let f = x - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        func channel(_ u: Double, _ v: Double) -> Int { Int((u + f * (v - u)).rounded()) }
        return String(format: "#%02x%02x%02x", channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
    }
}
