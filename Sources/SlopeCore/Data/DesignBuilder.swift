/// Collects the chosen columns of a table row by row and turns them into a `Design`, holding
/// only the numbers it keeps: the features row-major as they will be trained on, and the
/// target. Scaling and leaving out constant features happen in place at the end.
struct DesignBuilder {
    let source: String
    let names: [String]
    /// The feature columns (indices in the table), in the design's order.
    let chosen: [Int]
    let targetColumn: Int
    /// For every table column: its place in a row (features 0..<n, the target n), or -1.
    private let slot: [Int]
    private var x: [Double] = []
    private var target: [Double] = []
    /// Statistics of the chosen features, then of the target.
    private var statistics: [ColumnStatistics]

    /// Resolves the target, features and dropped columns among `names`.
    /// - Throws: `SlopeError` for a repeated or unknown column name, or no feature left.
    init(source: String, names: [String], options: DesignOptions) throws {
        let header = try Table(source: source, columnNames: names, columns: names.map { _ in [] })
        let columns = options.columns
        try columns.check(against: names, file: source)
        let targetColumn = try columns.target(among: names).map(header.index(of:)) ?? (names.count - 1)
        let chosen = try columns.inputs(among: names, outputs: [names[targetColumn]]).map(header.index(of:))
        guard !chosen.isEmpty else { throw SlopeError.noFeatures(file: source) }
        var slot = [Int](repeating: -1, count: names.count)
        for (i, c) in chosen.enumerated() { slot[c] = i }
        slot[targetColumn] = chosen.count
        self.source = source
        self.targetColumn = targetColumn
        self.names = names
        self.chosen = chosen
        self.slot = slot
        statistics = Array(repeating: ColumnStatistics(), count: chosen.count + 1)
    }

    /// Number of complete rows so far.
    var rowCount: Int { target.count }

    /// An empty collector of rows for this builder's columns.
    func rows() -> DesignRows { DesignRows(source: source, names: names, slot: slot, width: chosen.count + 1) }

    /// Appends whole rows: `values` holds n + 1 numbers a row (features, then target).
    mutating func append(rows values: [Double]) {
        let n = chosen.count
        for start in stride(from: 0, to: values.count, by: n + 1) {
            for i in 0...n { statistics[i].add(values[start + i]) }
            x.append(contentsOf: values[start..<start + n])
            target.append(values[start + n])
        }
    }

    /// Makes room for `rows` rows in all, if there is less. Memory reserved and never written
    /// is not resident, so a generous estimate costs address space only.
    mutating func reserve(rows: Int) {
        guard rows > target.capacity else { return }
        x.reserveCapacity(rows * chosen.count)
        target.reserveCapacity(rows)
    }

    /// Leaves out constant features, scales features and target in place, and returns the design.
    /// - Throws: `SlopeError` when every feature or the target is constant.
    /// - Complexity: O(N·n), with no second copy of the numbers.
    consuming func finish(featureScaling: FeatureScaling, targetScaling: TargetScaling) throws -> Design {
        let n = chosen.count, rows = rowCount
        let kept = (0..<n).filter { !statistics[$0].isConstant }
        guard !kept.isEmpty else { throw SlopeError.allFeaturesConstant(file: source) }
        guard !statistics[n].isConstant else { throw SlopeError.constantTarget(file: source, name: names[targetColumn]) }

        if featureScaling == .zScore { addSquaredDeviations(kept) }
        if targetScaling == .zScore { addSquaredDeviations([n]) }
        let maps = kept.map { i -> ColumnMap in
            switch featureScaling {
            case .minMax: return .range(statistics[i], 0, 1)
            case .zScore: return .standard(statistics[i])
            case .none: return .identity
            }
        }
        let m = kept.count
        ColumnMap.scaleRows(&x, rows: rows, width: n, kept: kept, maps: maps)
        x.removeLast(x.count - rows * m)
        let targetMap: ColumnMap
        switch targetScaling {
        case let .range(lower, upper): targetMap = .range(statistics[n], lower, upper)
        case .zScore: targetMap = .standard(statistics[n])
        case .none: targetMap = .identity
        }
        for k in 0..<rows { target[k] = targetMap(target[k]) }
        return Design(featureNames: kept.map { names[chosen[$0]] }, targetName: names[targetColumn],
                      constantFeatures: (0..<n).filter { statistics[$0].isConstant }.map { names[chosen[$0]] },
                      x: x, target: target)
    }

    /// Sums (v − mean)² of the columns `columns` (feature indices, or n for the target), each in
    /// row order; one pass over the rows.
    private mutating func addSquaredDeviations(_ columns: [Int]) {
        let n = chosen.count
        let means = columns.map { statistics[$0].mean }
        var sums = [Double](repeating: 0, count: columns.count)
        for k in 0..<rowCount {
            for (j, i) in columns.enumerated() {
                let d = (i == n ? target[k] : x[k * n + i]) - means[j]
                sums[j] += d * d
            }
        }
        for (j, i) in columns.enumerated() { statistics[i].squaredDeviations = sums[j] }
    }
}

