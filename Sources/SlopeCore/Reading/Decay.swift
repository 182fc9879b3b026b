/// How fast |d1| or |d3| of one parameter falls during one training run.
public struct Decay: Sendable, Equatable {
    /// |value| at the first epoch.
    public let first: Double
    /// |value| at the last epoch.
    public let last: Double
    /// last / first, `nil` when first is 0.
    public let ratio: Double?
    /// The first epoch at which |value| < 0.1 · first, `nil` if it never happens.
    public let firstEpochBelowTenth: Int?

    /// - Precondition: `series` is not empty.
    public init(series: [Double]) {
        first = abs(series[0])
        last = abs(series[series.count - 1])
        ratio = first > 0 ? last / first : nil
        let threshold = 0.1 * abs(series[0])
        firstEpochBelowTenth = series.firstIndex { abs($0) < threshold }
    }
}

/// `Decay` over restarts: medians of the magnitudes and ratio, and each restart's epoch.
public struct DecaySummary: Sendable {
    public let firstMedian: Double
    public let lastMedian: Double
    public private(set) var ratioMedian: Double?
    /// One per restart, `nil` where |value| never fell below a tenth of its start.
    public let firstEpochBelowTenth: [Int?]

    public init(_ runs: [Decay]) {
        firstMedian = Median.of(runs.map(\.first))!
        lastMedian = Median.of(runs.map(\.last))!
        ratioMedian = Median.of(runs.compactMap(\.ratio))
        firstEpochBelowTenth = runs.map(\.firstEpochBelowTenth)
    }
}
