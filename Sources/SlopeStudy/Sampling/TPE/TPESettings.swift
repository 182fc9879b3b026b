/// What the spec's `tpe:` block sets (docs/method.md, "TPE"); Optuna's defaults.
public struct TPESettings: Hashable, Sendable, Encodable {
    /// Trials placed space-filling (Latin hypercube) before TPE proposes; TPE also draws from
    /// the prior while fewer trials than this have finished.
    public var startup = 10
    /// Draws from the good trials' estimator among which the best ratio is proposed.
    public var candidates = 24
    /// The good fraction: the best ⌈goal · n⌉ finished trials (the goal set of goal-oriented
    /// HSIC, `study analyze --goal`).
    public var goal = 0.1

    public init(startup: Int = 10, candidates: Int = 24, goal: Double = 0.1) {
        self.startup = startup
        self.candidates = candidates
        self.goal = goal
    }
}
