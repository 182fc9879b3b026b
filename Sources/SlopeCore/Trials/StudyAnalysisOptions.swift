/// What to do with a trial that has no value for an objective.
public enum MissingObjective: String, Sendable, Codable, CaseIterable {
    /// Give it the worst value seen (it did not reach the goal; ranks it last). The default:
    /// dropping failed trials would hide that a hyperparameter makes training fail.
    case worst
    /// Leave it out of that objective's analysis.
    case drop
}

/// Settings of `StudyAnalysis`.
public struct StudyAnalysisOptions: Sendable {
    /// The goal set: the best `goal` fraction of trials of each objective (Novello et al.).
    public var goal = 0.1
    /// Output permutations for the permutation p-values.
    public var permutations = 1000
    /// Bootstrap resamples for the intervals of HSIC and R2-HSIC (0: none).
    public var bootstrap = 100
    /// Also measure every pair of hyperparameters jointly.
    public var pairs = false
    /// A p-value at most this is significant.
    public var alpha = 0.05
    public var missing = MissingObjective.worst
    /// How each objective's p-values (every hyperparameter and pair: one family) are
    /// adjusted before they are read at `alpha`; the raw values are kept.
    public var adjust = PValueAdjustment.bh
    /// Seeds permutations and resamples.
    public var seed: UInt64 = 0

    public init() {}

    /// The HSIC settings for one objective.
    func hsic(direction: Direction) -> HSICOptions {
        var options = HSICOptions()
        options.measure = .target(Goal(boundary: .quantile(goal), direction: direction))
        options.permutations = permutations
        options.bootstrap = bootstrap
        options.pairs = pairs
        options.seed = seed
        return options
    }

    /// Checks the values that no sample decides.
    public func validate() throws {
        guard goal > 0 && goal < 1 else { throw SlopeError.invalidSetting(.goal, reason: "must be in (0, 1)") }
        guard alpha > 0 && alpha < 1 else { throw SlopeError.invalidSetting(.alpha, reason: "must be in (0, 1)") }
        guard permutations >= 0 else { throw SlopeError.invalidSetting(.permutations, reason: "must be 0 or more") }
        guard bootstrap >= 0 else { throw SlopeError.invalidSetting(.bootstrap, reason: "must be 0 or more") }
    }
}
