/// Linearly interpolated sample quantiles (type 7 of Hyndman and Fan, numpy's default).
enum Percentile {
    /// The `p`-quantile of `sorted` (ascending, not empty), 0 ≤ p ≤ 1.
    static func of(sorted: [Double], _ p: Double) -> Double {
        let h = p * Double(sorted.count - 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// The central `confidence` interval of the finite values; nil when none is finite.
    static func interval(_ values: [Double], confidence: Double) -> Interval? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let tail = (1 - confidence) / 2
        return Interval(lower: of(sorted: sorted, tail), upper: of(sorted: sorted, 1 - tail))
    }
}
