/// Which columns of a table are outputs and inputs, which are left out, and how inputs are
/// read: the one column selection of tables (`slope analyze`), HSIC samples and trials.
public struct ColumnSelection: Sendable, Equatable {
    /// The output columns. A table analysed for one output uses the first (nil: the last
    /// column); trials use every one as an objective (nil: a store's own objectives; a table
    /// of trials must name them).
    public var targets: [String]?
    /// The input columns, in this order (nil: every column that is not an output or ignored).
    public var inputs: [String]?
    /// Columns that are neither input nor output.
    public var ignored: [String]
    /// Numeric inputs read on a log scale.
    public var log: [String]
    /// Numeric inputs read as unordered levels (text columns are levels anyway).
    public var categorical: [String]
    /// Outputs where larger is better (the others are minimised).
    public var maximize: [String]

    public init(targets: [String]? = nil, inputs: [String]? = nil, ignored: [String] = [],
                log: [String] = [], categorical: [String] = [], maximize: [String] = []) {
        self.targets = targets
        self.inputs = inputs
        self.ignored = ignored
        self.log = log
        self.categorical = categorical
        self.maximize = maximize
    }

    /// One output column (nil: the last column).
    public init(target: String?, inputs: [String]? = nil, ignored: [String] = []) {
        self.init(targets: target.map { [$0] }, inputs: inputs, ignored: ignored)
    }

    /// The one output among the header `names`: the first named target, or the last column.
    /// - Complexity: O(1).
    public func target(among names: [String]) -> String? {
        targets?.first ?? names.last
    }

    /// The inputs among the header `names`: those named, or every column that is neither in
    /// `outputs` nor ignored, in header order (an input named as an output is left out).
    /// - Complexity: O(columns).
    public func inputs(among names: [String], outputs: [String]) -> [String] {
        let left = Set(outputs + ignored)
        return (inputs ?? names).filter { !left.contains($0) }
    }

    /// Every column name the selection mentions, to be checked against a header.
    public var mentioned: [String] {
        (targets ?? []) + (inputs ?? []) + ignored + log + categorical + maximize
    }

    /// Checks the selection against the header `names` of `file`: every name mentioned is a
    /// column, and no output or input is chosen twice.
    /// - Throws: `SlopeError.missingColumn` or `.chosenTwice`.
    /// - Complexity: O(columns + names mentioned).
    public func check(against names: [String], file: String) throws {
        let header = Set(names)
        for name in mentioned where !header.contains(name) {
            throw SlopeError.missingColumn(file: file, name: name, available: names)
        }
        for list in [targets ?? [], inputs ?? []] {
            var seen = Set<String>()
            if let twice = list.first(where: { !seen.insert($0).inserted }) {
                throw SlopeError.chosenTwice(file: file, name: twice)
            }
        }
    }

    /// The direction of the output `name`.
    public func direction(of name: String) -> Direction {
        maximize.contains(name) ? .maximize : .minimize
    }
}
