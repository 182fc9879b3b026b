/// Which columns of a table are features and target, and how they are scaled.
public struct DesignOptions: Sendable {
    /// The target column; `nil` takes the last column.
    public var target: String?
    /// The feature columns in this order; `nil` takes every column but the target.
    public var features: [String]?
    /// Columns to leave out.
    public var drop: [String]
    public var featureScaling: FeatureScaling
    public var targetScaling: TargetScaling

    public init(target: String? = nil, features: [String]? = nil, drop: [String] = [],
                featureScaling: FeatureScaling = .minMax, targetScaling: TargetScaling = .range(-1, 1)) {
        self.target = target
        self.features = features
        self.drop = drop
        self.featureScaling = featureScaling
        self.targetScaling = targetScaling
    }
}

/// The training data of the lean network: scaled features (row-major) and scaled target,
/// with the raw columns kept for the baselines.
public struct Design: Sendable {
    /// Names of the features kept, in the order of `x`'s columns.
    public let featureNames: [String]
    public let targetName: String
    /// Feature columns that were constant, reported and left out.
    public let constantFeatures: [String]
    /// Number of rows N.
    public let rowCount: Int
    /// Number of features n.
    public var featureCount: Int { featureNames.count }
    /// Scaled features, row-major: `x[k * n + i]` is feature i of row k.
    public let x: [Double]
    /// Scaled target, one per row.
    public let target: [Double]
    /// Unscaled feature columns (kept ones), for the baselines.
    public let rawFeatures: [[Double]]
    /// Unscaled target.
    public let rawTarget: [Double]

    /// Selects and scales the columns of `table`.
    /// - Throws: `SlopeError` for an unknown column, a constant target, or no usable feature.
    /// - Complexity: O(N·n).
    public init(table: Table, options: DesignOptions) throws {
        let file = table.source
        let targetIndex = try options.target.map(table.index(of:)) ?? (table.columnNames.count - 1)
        let targetName = table.columnNames[targetIndex]
        var chosen = try options.features.map { try $0.map(table.index(of:)) }
            ?? Array(table.columnNames.indices).filter { $0 != targetIndex }
        let dropped = try Set(options.drop.map(table.index(of:)))
        chosen.removeAll { dropped.contains($0) || $0 == targetIndex }
        guard !chosen.isEmpty else { throw SlopeError.noFeatures(file: file) }

        let constant = chosen.filter { ColumnScaler.isConstant(table.columns[$0]) }
        let kept = chosen.filter { !constant.contains($0) }
        guard !kept.isEmpty else { throw SlopeError.allFeaturesConstant(file: file) }
        let rawTarget = table.columns[targetIndex]
        guard !ColumnScaler.isConstant(rawTarget) else {
            throw SlopeError.constantTarget(file: file, name: targetName)
        }

        let rawFeatures = kept.map { table.columns[$0] }
        let scaled: [[Double]] = rawFeatures.map { column in
            switch options.featureScaling {
            case .minMax: return ColumnScaler.range(column, 0, 1)
            case .zScore: return ColumnScaler.zScore(column)
            case .none: return column
            }
        }
        let n = kept.count, rows = table.rowCount
        var x = [Double](repeating: 0, count: rows * n)
        for i in 0..<n {
            for k in 0..<rows { x[k * n + i] = scaled[i][k] }
        }
        switch options.targetScaling {
        case let .range(lower, upper): target = ColumnScaler.range(rawTarget, lower, upper)
        case .zScore: target = ColumnScaler.zScore(rawTarget)
        case .none: target = rawTarget
        }
        self.featureNames = kept.map { table.columnNames[$0] }
        self.targetName = targetName
        self.constantFeatures = constant.map { table.columnNames[$0] }
        self.rowCount = rows
        self.x = x
        self.rawFeatures = rawFeatures
        self.rawTarget = rawTarget
    }
}
