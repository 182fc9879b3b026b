import Foundation

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
    /// What each hyperparameter is measured against (docs/method.md, "Goal-level evidence"):
    /// goal sets, the best fraction of the trials of each objective (Novello et al.), and the
    /// whole ranking; their p-values are combined into one. The first is a goal level, the
    /// reference level of the intervals, shares, pairs and figures.
    public var components = Self.combined
    /// The default: the goal levels 0.1, 0.25 and 0.5 and the ranking.
    public static let combined: [EvidenceComponent] = [.goal(0.1), .goal(0.25), .goal(0.5), .ranked]

    /// The reference goal fraction (the first component's).
    public var goal: Double { EvidenceComponent.referenceGoal(components) }

    /// Measures at the goal level `fraction` alone (the analysis of a user who wants one level).
    public mutating func useGoal(_ fraction: Double) { components = [.goal(fraction)] }
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

    /// The evidence settings.
    var evidence: GoalEvidence.Settings {
        GoalEvidence.Settings(components: components, permutations: permutations, bootstrap: bootstrap, seed: seed)
    }

    /// The HSIC settings of the pairs: target HSIC at the reference goal level.
    func hsic(direction: Direction) -> HSICOptions {
        var options = HSICOptions()
        options.measure = .target(Goal(boundary: .quantile(goal), direction: direction))
        options.permutations = permutations
        options.bootstrap = bootstrap
        options.pairs = pairs
        options.seed = seed
        return options
    }

    /// The most memory the draws of one objective may hold (the smaller of 4 GB and half the
    /// machine's).
    static var memoryLimit: Double { MemoryRule.allowed(4e9) }

    /// The bytes the draws of one objective hold for `d` hyperparameters: each component's
    /// statistic on every permutation, one small array a permutation and hyperparameter (the
    /// combination reads them all), and each resample's HSIC and R2-HSIC per hyperparameter.
    private func drawBytes(parameters d: Int) -> (perPermutation: Double, perResample: Double) {
        (Double(d) * (Double(components.count) * 8 + 48), Double(d) * 16 + 64)
    }

    /// Refuses draws whose results would not fit in `memoryLimit`, naming the count that fits,
    /// before anything is allocated.
    func checkMemory(parameters d: Int) throws {
        let (perPermutation, perResample) = drawBytes(parameters: max(1, d))
        let limit = Self.memoryLimit
        // The permutations' statistics include the observed one's.
        for (setting, count, held, per, what) in [(Setting.permutations, permutations, permutations + 1, perPermutation, "permutations"),
                                                  (.bootstrap, bootstrap, bootstrap, perResample, "resamples")]
        where Double(held) * per > limit {
            throw SlopeError.invalidSetting(setting, reason: String(
                format: "%d %@ of %d hyperparameters need about %.3g GB; at most %d fit in %.3g GB",
                count, what, d, Double(held) * per / 1e9, Int(limit / per) - (held - count), limit / 1e9))
        }
    }

    /// Checks the values that no sample decides.
    public func validate() throws(SlopeError) {
        guard case .goal? = components.first else { throw SlopeError.invalidSetting(.goal, reason: "the first component must be a goal level") }
        for case .goal(let fraction) in components where !(fraction > 0 && fraction < 1) {
            throw SlopeError.invalidSetting(.goal, reason: "must be in (0, 1)")
        }
        guard Set(components).count == components.count else { throw SlopeError.invalidSetting(.goal, reason: "a goal level is listed twice") }
        guard permutations > 0 || components.count == 1 else {
            throw SlopeError.invalidSetting(.permutations, reason: "must be 1 or more to combine several goal levels (the combination is calibrated by permutations); one goal level alone can use its gamma p-value")
        }
        guard alpha > 0 && alpha < 1 else { throw SlopeError.invalidSetting(.alpha, reason: "must be in (0, 1)") }
        guard permutations >= 0 else { throw SlopeError.invalidSetting(.permutations, reason: "must be 0 or more") }
        guard bootstrap >= 0 else { throw SlopeError.invalidSetting(.bootstrap, reason: "must be 0 or more") }
    }
}
