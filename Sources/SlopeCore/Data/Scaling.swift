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

enum ColumnScaler {
    /// Min-max scales `column` into [lower, upper]. - Precondition: the column is not constant.
    static func range(_ column: [Double], _ lower: Double, _ upper: Double) -> [Double] {
        let lo = column.min()!, hi = column.max()!
        let factor = (upper - lower) / (hi - lo)
        return column.map { lower + ($0 - lo) * factor }
    }

    /// Centres and scales `column` to unit population variance. - Precondition: not constant.
    static func zScore(_ column: [Double]) -> [Double] {
        let n = Double(column.count)
        let mean = column.reduce(0, +) / n
        let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let sd = variance.squareRoot()
        return column.map { ($0 - mean) / sd }
    }

    static func isConstant(_ column: [Double]) -> Bool {
        guard let first = column.first else { return true }
        return column.allSatisfy { $0 == first }
    }
}
