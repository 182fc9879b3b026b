import Foundation

/// A map from data values to pixels, linear or logarithmic.
public struct Scale: Sendable {
    public enum Kind: Sendable { case linear, log }
    public let kind: Kind
    /// The data interval.
    public let domain: (Double, Double)
    /// The pixel interval (may be reversed, as for a y axis).
    public let range: (Double, Double)

    /// A linear scale; a degenerate domain is widened by ±0.5 so that it still maps.
    public static func linear(_ domain: (Double, Double), to range: (Double, Double)) -> Scale {
        var d = domain
        if !(d.1 > d.0) { d = (d.0 - 0.5, d.0 + 0.5) }
        return Scale(kind: .linear, domain: d, range: range)
    }

    /// A log₁₀ scale over positive values; a degenerate domain is widened by a factor 10.
    public static func log(_ domain: (Double, Double), to range: (Double, Double)) -> Scale {
        var d = (max(domain.0, Double.leastNormalMagnitude), max(domain.1, Double.leastNormalMagnitude))
        if !(d.1 > d.0) { d = (d.0 / 10, d.0 * 10) }
        return Scale(kind: .log, domain: d, range: range)
    }

    /// The pixel position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        let t: Double
        switch kind {
        case .linear: t = (value - domain.0) / (domain.1 - domain.0)
        case .log: t = (Foundation.log10(max(value, Double.leastNormalMagnitude)) - Foundation.log10(domain.0))
            / (Foundation.log10(domain.1) - Foundation.log10(domain.0))
        }
        return range.0 + t * (range.1 - range.0)
    }

    /// Tick values for this scale's domain.
    public func ticks(_ count: Int = 5) -> [Double] {
        kind == .linear ? Ticks.nice(domain.0, domain.1, count: count) : Ticks.decades(domain.0, domain.1)
    }
}
