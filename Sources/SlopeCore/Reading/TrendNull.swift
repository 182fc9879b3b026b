import Foundation

/// The null of one feature's trend (docs/method.md, "A null for the trend").
public struct FeatureNull: Sendable, Equatable {
    /// Two-sided p-value of the feature's mean label sign against the null (normal reference).
    public let p: Double
    /// `p` adjusted over the features (Benjamini–Hochberg).
    public let pAdjusted: Double
    /// The mean sign of the feature's label over the null trainings, in [−1, 1].
    public let mean: Double
    /// The standard deviation the mean sign over the restarts would have under the null.
    public let sd: Double

    /// The level at which a trend is called beyond chance (on `pAdjusted`).
    public static let alpha = 0.05
    /// True when the adjusted p-value is at most `alpha`.
    public var beyondChance: Bool { pAdjusted <= Self.alpha }
}

/// The null of the trend: each feature's consensus, the mean sign of its labels over R
/// restarts (+1 increasing, −1 decreasing, 0 flat), against the features' labels in trainings
/// on the target shuffled.
///
/// The sign, not ρ: over a falling loss almost any series is monotone, so ρ sits near ±1 and
/// its last digits carry no reading; the label is what the reading claims. The null
/// trainings come in pairs sharing a shuffled target, which splits the null variance of one
/// training's sign into a part the shuffle brings (σ_b², between pairs) and a part the
/// starting point brings (σ_w², within pairs). Under the null, a mean over R restarts on one
/// table has variance σ_b² + σ_w² / R: the shuffle's part does not average away, the starting
/// point's does. A sign that never changed in K null trainings may still change about once in
/// K + 1, so σ_w² is kept at least at the variance of such a sign, 4q(1 − q) with
/// q = 1 / (K + 1). The p-value reads z = (T − μ) / √(σ_b² + σ_w² / R) on the normal
/// distribution (a mean over restarts). Every feature has its own μ, σ_b and σ_w.
public enum TrendNull {
    /// - Parameters:
    ///   - observed: per feature, the labels of the restarts.
    ///   - null: per null training (pairs consecutive), per feature, its label.
    /// - Returns: per feature, its null (nil with fewer than two pairs).
    /// - Complexity: O(K·n + n log n).
    public static func features(observed: [[TrendLabel]], null: [[TrendLabel]]) -> [FeatureNull?] {
        let n = observed.count, pairs = null.count / 2
        guard pairs >= 2 else { return observed.map { _ in nil } }
        let m = Double(pairs), q = 1 / Double(null.count + 1)
        let stats: [(p: Double, mean: Double, sd: Double)] = (0..<n).map { j in
            let signs = (0..<pairs).map { (Double(null[2 * $0][j].sign), Double(null[2 * $0 + 1][j].sign)) }
            let pairMeans = signs.map { ($0.0 + $0.1) / 2 }
            let mean = pairMeans.reduce(0, +) / m
            let within = max(4 * q * (1 - q), signs.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / (2 * m))
            let pairMeanVariance = pairMeans.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (m - 1)
            let between = max(0, pairMeanVariance - within / 2)
            let restarts = Double(max(1, observed[j].count))
            let sd = (between + within / restarts).squareRoot()
            let t = observed[j].reduce(0) { $0 + Double($1.sign) } / restarts
            return (erfc(abs(t - mean) / sd / 2.0.squareRoot()), mean, sd)
        }
        let adjusted = PValueAdjustment.bh.adjust(stats.map(\.p))
        return stats.indices.map { j in
            FeatureNull(p: stats[j].p, pAdjusted: adjusted[j], mean: stats[j].mean, sd: stats[j].sd)
        }
    }
}
