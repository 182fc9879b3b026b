/// One stage of a staged study (`stages:`; docs/study-spec.md): its trials, placed by its own
/// sampler, start once every trial of the stages before it has finished.
public struct StageSpec: Hashable, Sendable, Encodable {
    public let name: String
    public let trials: Int
    public let sampler: SamplerKind
    /// TPE's settings, when `sampler` is `.tpe`.
    public let tpe: TPESettings
    /// When set, the stage runs in a space reduced by screening the earlier stages' trials.
    public let reduce: Reduction?

    public init(name: String, trials: Int, sampler: SamplerKind, tpe: TPESettings = TPESettings(), reduce: Reduction? = nil) {
        self.name = name
        self.trials = trials
        self.sampler = sampler
        self.tpe = tpe
        self.reduce = reduce
    }

    enum CodingKeys: String, CodingKey { case name, trials, sampler, tpe, reduce }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(trials, forKey: .trials)
        try c.encode(sampler, forKey: .sampler)
        if sampler == .tpe { try c.encode(tpe, forKey: .tpe) }
        try c.encodeIfPresent(reduce, forKey: .reduce)
    }
}

/// A stage's `reduce:` (docs/method.md, "Staged studies"): goal-oriented HSIC on the trials of
/// the earlier stages that were drawn from the prior; a hyperparameter whose adjusted p-value
/// exceeds `alpha` is fixed, the others keep their range (narrowed to the goal set's range
/// when `narrow`). A fixed hyperparameter takes the most common value in the goal set (a
/// number: the goal set's median); with a `cost`, the value that costs least in the goal set.
public struct Reduction: Hashable, Sendable, Encodable {
    public var alpha = 0.05
    /// The objective screened; nil: the study's first objective.
    public var objective: String?
    /// The goal fraction of the HSIC; nil: `defaultGoal`.
    public var goal: Double?
    public var narrow = false
    /// A cost to minimise when fixing (an objective, `wall_time_s` or `peak_rss_bytes`).
    public var cost: String?

    /// A hyperparameter is fixed only when its raw p-value is above this: its dependence on the
    /// goal is below what half of all hyperparameters without any effect show, so the screening
    /// saw evidence that it does not matter, not merely no evidence that it does.
    public static let fixAbove = 0.5

    /// 0.1, or more where that puts fewer than 10 of `trials` in the goal set (the goal set
    /// holds ⌊goal · (n − 1)⌋ + 1 trials; with fewer, HSIC's p-values have little to work with).
    public static func defaultGoal(trials n: Int) -> Double {
        min(0.5, max(0.1, 9 / Double(max(1, n - 1))))
    }

    public init(alpha: Double = 0.05, objective: String? = nil, goal: Double? = nil, narrow: Bool = false, cost: String? = nil) {
        self.alpha = alpha
        self.objective = objective
        self.goal = goal
        self.narrow = narrow
        self.cost = cost
    }
}
