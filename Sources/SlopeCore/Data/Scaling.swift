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
    private enum Form {
        case range(lo: Double, lower: Double, factor: Double)
        case standard(mean: Double, sd: Double)
        case identity
    }
    private let form: Form

    /// Min-max into [lower, upper]. - Precondition: the column is not constant.
    static func range(_ s: ColumnStatistics, _ lower: Double, _ upper: Double) -> ColumnMap {
        ColumnMap(form: .range(lo: s.lo, lower: lower, factor: (upper - lower) / (s.hi - s.lo)))
    }

    /// Centres and divides by the population standard deviation; needs `squaredDeviations`.
    static func standard(_ s: ColumnStatistics) -> ColumnMap {
        ColumnMap(form: .standard(mean: s.mean, sd: (s.squaredDeviations / Double(s.count)).squareRoot()))
    }

    static let identity = ColumnMap(form: .identity)

    func callAsFunction(_ v: Double) -> Double {
        switch form {
        case let .range(lo, lower, factor): return lower + (v - lo) * factor
        case let .standard(mean, sd): return (v - mean) / sd
        case .identity: return v
        }
    }
}
