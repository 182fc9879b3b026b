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
    /// lower + (v − shift) · factor (min-max), or lower + (v − shift) / divisor (standardising,
    /// and a min-max whose range has no finite reciprocal, or is itself beyond the largest
    /// double: then on halves, lower + (v/2 − lo/2) / ((hi/2 − lo/2) / (upper − lower))).
    private let shift, lower, factor, divisor: Double
    private let divides, halves: Bool

    /// Min-max into [lower, upper]. - Precondition: the column is not constant.
    static func range(_ s: ColumnStatistics, _ lower: Double, _ upper: Double) -> ColumnMap {
        let span = s.hi - s.lo, factor = (upper - lower) / span
        if span.isFinite && factor.isFinite {
            return ColumnMap(shift: s.lo, lower: lower, factor: factor, divisor: 1, divides: false, halves: false)
        }
        // A subnormal range (1 / range overflows) is divided by; a range beyond the largest
        // double is taken on halves, which cannot overflow.
        let halves = !span.isFinite
        let divisor = (halves ? s.hi / 2 - s.lo / 2 : span) / (upper - lower)
        return ColumnMap(shift: halves ? s.lo / 2 : s.lo, lower: lower, factor: 1, divisor: divisor, divides: true, halves: halves)
    }

    /// Centres and divides by the population standard deviation; needs `squaredDeviations`.
    static func standard(_ s: ColumnStatistics) -> ColumnMap {
        ColumnMap(shift: s.mean, lower: 0, factor: 1, divisor: (s.squaredDeviations / Double(s.count)).squareRoot(), divides: true, halves: false)
    }

    static let identity = ColumnMap(shift: 0, lower: 0, factor: 1, divisor: 1, divides: true, halves: false)  // (v − 0) / 1 keeps −0

    func callAsFunction(_ v: Double) -> Double {
        Self.map(v, shift, lower, factor, divisor, divides, halves)
    }

    @inline(__always)
    private static func map(_ v: Double, _ shift: Double, _ lower: Double, _ factor: Double, _ divisor: Double,
                            _ divides: Bool, _ halves: Bool) -> Double {
        guard divides else { return lower + (v - shift) * factor }
        let q = ((halves ? v / 2 : v) - shift) / divisor
        return lower == 0 ? q : lower + q  // no lower: −0 stays −0
    }

    /// Scales a row-major matrix in place: row k's columns `kept` (of `width`) become row k
    /// of a `kept.count`-column matrix at the front of `x`, column j mapped by `maps[j]`.
    /// One pass, rows in order (the destination never overtakes the source).
    static func scaleRows(_ x: inout [Double], rows: Int, width: Int, kept: [Int], maps: [ColumnMap]) {
        let m = kept.count
        let shift = maps.map(\.shift), lower = maps.map(\.lower), factor = maps.map(\.factor), divisor = maps.map(\.divisor)
        let divides = maps.map(\.divides), halves = maps.map(\.halves)
        x.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress!
            for k in 0..<rows {
                let from = p + k * width, to = p + k * m
                for j in 0..<m {
                    to[j] = map(from[kept[j]], shift[j], lower[j], factor[j], divisor[j], divides[j], halves[j])
                }
            }
        }
    }
}
