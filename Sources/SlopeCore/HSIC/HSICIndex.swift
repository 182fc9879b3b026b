/// A percentile bootstrap interval.
public struct Interval: Sendable, Equatable, Codable {
    public let lower: Double
    public let upper: Double
}

/// The measured dependence of one input (or one pair of inputs) on the output.
public struct HSICIndex: Sendable, Encodable {
    /// The input's name, or "a×b" for a pair.
    public let name: String
    /// The input's type (nil for a pair).
    @Nullable public var kind: InputKind?
    /// The rows it was measured on (fewer than the sample for a conditional input).
    public let rows: Int
    /// The HSIC estimate; nil when it was skipped (see `note`).
    @Nullable public var hsic: Double?
    /// HSIC(X, Y) / sqrt(HSIC(X, X) HSIC(Y, Y)).
    @Nullable public var r2HSIC: Double?
    /// Gretton et al.'s gamma p-value; nil where not defined (conditional HSIC, kernels without
    /// a unit diagonal).
    @Nullable public var pGamma: Double?
    /// (1 + #{HSIC_b ≥ HSIC}) / (1 + B): never 0.
    @Nullable public var pPermutation: Double?
    /// Bootstrap percentile intervals.
    @Nullable public var hsicInterval: Interval?
    @Nullable public var r2Interval: Interval?
    /// Why the index is missing or limited (a constant input, too few active rows, …).
    @Nullable public var note: String?

    enum CodingKeys: String, CodingKey {
        case name, kind, rows, hsic, r2HSIC = "r2_hsic", pGamma = "p_gamma", pPermutation = "p_permutation"
        case hsicInterval = "hsic_interval", r2Interval = "r2_hsic_interval", note
    }

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

    /// The p-value to judge significance by: the permutation one when computed, else gamma.
    public var pValue: Double? { pPermutation ?? pGamma }
}
