/// How much the features' second-derivative histories move together: per restart, the mean
/// Pearson correlation over all pairs of features of their d2 series (docs/method.md,
/// "Common mode"). Near 1, every feature's trend is mostly the network's overall curvature
/// changing, and the trends say little about the features themselves.
public struct CommonMode: Sendable, Equatable {
    /// One value per restart; nil where fewer than two features vary.
    public let perRestart: [Double?]
    /// The mean of the defined values.
    public let mean: Double?

    /// Above this mean, the report says the trends mostly reflect the overall curvature.
    public static let high = 0.9

    /// - Parameter quantity: the series the trend reads (`d2` or `d2_tape`).
    /// - Complexity: O(restarts · features² · epochs).
    public init(_ histories: [History], quantity: Quantity) {
        perRestart = parallelMap(histories.count) { r -> Double? in
            let h = histories[r]
            // Standardised series of the features that vary; r = mean of products.
            let standardised = (0..<max(0, h.parameterCount - 1)).compactMap { p -> [Double]? in
                let s = h.series(quantity, parameter: p), m = Double(s.count)
                let mean = s.reduce(0, +) / m
                let sd = (s.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / m).squareRoot()
                return sd > 0 && sd.isFinite ? s.map { ($0 - mean) / sd } : nil
            }
            guard standardised.count >= 2 else { return nil }
            var sum = 0.0, pairs = 0
            for i in standardised.indices {
                for j in (i + 1)..<standardised.count {
                    var dot = 0.0
                    for e in standardised[i].indices { dot += standardised[i][e] * standardised[j][e] }
                    sum += dot / Double(standardised[i].count)
                    pairs += 1
                }
            }
            return sum / Double(pairs)
        }
        let defined = perRestart.compactMap { $0 }
        mean = defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count)
    }
}
