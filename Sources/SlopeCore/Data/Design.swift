/// Which columns of a table are features and target, and how they are scaled
/// (docs/method.md, "Preprocessing").
public struct DesignOptions: Sendable, Equatable {
    /// The target (the first of `columns.targets`, else the last column) and the features
    /// (`columns.inputs`, else every other column not ignored).
    public var columns: ColumnSelection
    public var featureScaling: FeatureScaling
    public var targetScaling: TargetScaling

    public init(columns: ColumnSelection = ColumnSelection(), featureScaling: FeatureScaling = .minMax,
                targetScaling: TargetScaling = .range(-1, 1)) {
        self.columns = columns
        self.featureScaling = featureScaling
        self.targetScaling = targetScaling
    }

    /// The target, the features in this order (nil: all but the target) and columns to leave out.
    public init(target: String? = nil, features: [String]? = nil, drop: [String] = [],
                featureScaling: FeatureScaling = .minMax, targetScaling: TargetScaling = .range(-1, 1)) {
        self.init(columns: ColumnSelection(target: target, inputs: features, ignored: drop),
                  featureScaling: featureScaling, targetScaling: targetScaling)
    }
}

/// The training data of the lean network: scaled features (row-major) and scaled target.
///
/// Only the scaled numbers are kept. Scaling is positive-affine, so Spearman, Pearson and
/// HSIC of the scaled columns are those of the raw ones (up to rounding in the last bits).
public struct Design: Sendable {
    /// Names of the features kept, in the order of `x`'s columns.
    public let featureNames: [String]
    public let targetName: String
    /// Feature columns that were constant, reported and left out.
    public let constantFeatures: [String]
    /// Number of rows N.
    public var rowCount: Int { target.count }
    /// Number of features n.
    public var featureCount: Int { featureNames.count }
    /// Scaled features, row-major: `x[k * n + i]` is feature i of row k.
    public let x: [Double]
    /// Scaled target, one per row.
    public let target: [Double]

    init(featureNames: [String], targetName: String, constantFeatures: [String], x: [Double], target: [Double]) {
        self.featureNames = featureNames
        self.targetName = targetName
        self.constantFeatures = constantFeatures
        self.x = x
        self.target = target
    }

    /// Selects and scales the columns of `table`.
    /// - Throws: `SlopeError` for an unknown column, a constant target, or no usable feature.
    /// - Complexity: O(N·n).
    public init(table: Table, options: DesignOptions) throws {
        var builder = try DesignBuilder(source: table.source, names: table.columnNames, options: options)
        builder.reserve(rows: table.rowCount)
        let collector = builder.rows()
        for k in 0..<table.rowCount {
            var row = collector
            for c in table.columnNames.indices { row.set(c, table.columns[c][k]) }
            row.endRow()
            builder.append(rows: row.values)
        }
        self = try builder.finish(featureScaling: options.featureScaling, targetScaling: options.targetScaling)
    }

    /// Feature `i`'s scaled column.
    /// - Complexity: O(N).
    public func column(_ i: Int) -> [Double] {
        let n = featureCount
        return (0..<rowCount).map { x[$0 * n + i] }
    }
}
