/// How feature columns are scaled before training.
public enum FeatureScaling: String, CaseIterable, Sendable, Codable {
    /// (x - min) / (max - min), into [0, 1]. The default.
    case minMax = "minmax"
    /// (x - mean) / sd, with the population standard deviation.
    case zScore = "zscore"
    /// Unchanged.
    case none
}

/// How the target column is scaled before training.
public enum TargetScaling: Sendable, Equatable {
    /// Min-max into [lower, upper].
    case range(Double, Double)
    /// (t - mean) / sd, with the population standard deviation.
    case zScore
    /// Unchanged.
    case none
}

/// Running statistics of one column as its values arrive: smallest, largest, sum (in order),
/// and, once the mean is known, the sum of squared deviations.
struct ColumnStatistics {
    var lo = Double.infinity
    var hi = -Double.infinity
    var sum = 0.0
    var count = 0
    var squaredDeviations = 0.0

    mutating func add(_ v: Double) {
        lo = min(lo, v)
        hi = max(hi, v)
        sum += v
        count += 1
    }

    /// True when every value is the same (or there is none).
    var isConstant: Bool { !(lo < hi) }
    var mean: Double { sum / Double(count) }
}

/// The map that scales one column, from its statistics. Positive-affine, so ranks and
/// correlations of a scaled column are those of the raw one (up to rounding).
struct ColumnMap {
    /// lower + (v − shift) · factor (min-max), or (v − shift) / divisor (standardising).
    private let shift, lower, factor, divisor: Double
    private let divides: Bool

    /// Min-max into [lower, upper]. - Precondition: the column is not constant.
    static func range(_ s: ColumnStatistics, _ lower: Double, _ upper: Double) -> ColumnMap {
        ColumnMap(shift: s.lo, lower: lower, factor: (upper - lower) / (s.hi - s.lo), divisor: 1, divides: false)
    }

    /// Centres and divides by the population standard deviation; needs `squaredDeviations`.
    static func standard(_ s: ColumnStatistics) -> ColumnMap {
        ColumnMap(shift: s.mean, lower: 0, factor: 1, divisor: (s.squaredDeviations / Double(s.count)).squareRoot(), divides: true)
    }

    static let identity = ColumnMap(shift: 0, lower: 0, factor: 1, divisor: 1, divides: true)  // (v − 0) / 1 keeps −0

    func callAsFunction(_ v: Double) -> Double {
        divides ? (v - shift) / divisor : lower + (v - shift) * factor
    }

    /// Scales a row-major matrix in place: row k's columns `kept` (of `width`) become row k
    /// of a `kept.count`-column matrix at the front of `x`, column j mapped by `maps[j]`.
    /// One pass, rows in order (the destination never overtakes the source).
    static func scaleRows(_ x: inout [Double], rows: Int, width: Int, kept: [Int], maps: [ColumnMap]) {
        let m = kept.count
        let shift = maps.map(\.shift), lower = maps.map(\.lower), factor = maps.map(\.factor), divisor = maps.map(\.divisor)
        let divides = maps.map(\.divides)
        x.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress!
            for k in 0..<rows {
                let from = p + k * width, to = p + k * m
                for j in 0..<m {
                    let v = from[kept[j]]
                    to[j] = divides[j] ? (v - shift[j]) / divisor[j] : lower[j] + (v - shift[j]) * factor[j]
                }
            }
        }
    }
}
