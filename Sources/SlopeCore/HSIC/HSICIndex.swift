/// A percentile bootstrap interval.
public struct Interval: Sendable, Equatable {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// The measured dependence of one input (or one pair of inputs) on the output.
public struct HSICIndex: Sendable {
    /// The input's name, or "a×b" for a pair.
    public let name: String
    /// The input's type (nil for a pair).
    public var kind: InputKind?
    /// The rows it was measured on (fewer than the sample for a conditional input).
    public let rows: Int
    /// The HSIC estimate; nil when it was skipped (see `note`).
    public var hsic: Double?
    /// HSIC(X, Y) / sqrt(HSIC(X, X) HSIC(Y, Y)).
    public var r2HSIC: Double?
    /// Gretton et al.'s gamma p-value; nil where not defined (conditional HSIC, kernels without
    /// a unit diagonal).
    public var pGamma: Double?
    /// (1 + #{HSIC_b ≥ HSIC}) / (1 + B): never 0.
    public var pPermutation: Double?
    /// Bootstrap percentile intervals.
    public var hsicInterval: Interval?
    public var r2Interval: Interval?
    /// Why the index is missing or limited (a constant input, too few active rows, …).
    public var note: String?

    /// A skipped index.
    init(name: String, rows: Int, note: String) {
        self.name = name
        self.rows = rows
        self.note = note
    }

    init(name: String, rows: Int, hsic: Double, r2HSIC: Double?) {
        self.name = name
        self.rows = rows
        self.hsic = hsic
        self.r2HSIC = r2HSIC
    }

    /// The p-value to judge significance by: adjusted when the analysis adjusted it, else the
    /// permutation one when computed, else gamma.
    public var pValue: Double? { pAdjusted ?? rawPValue }
    /// The permutation p-value when computed, else gamma, before any adjustment.
    public var rawPValue: Double? { pPermutation ?? pGamma }
    /// The p-value adjusted for the other tests of its family (study analysis), or nil.
    public internal(set) var pAdjusted: Double?
}
