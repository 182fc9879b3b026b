/// What a stage's `reduce:` decided before the stage started (docs/method.md, "Staged
/// studies"): for each hyperparameter, its p-value on the screened trials and whether it keeps
/// its range (perhaps narrowed) or is fixed at one value. Stored with the study; carried by
/// the analysis of its trials (`StudyProvenance`).
public struct StageDecision: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public let parameter: String
        /// The adjusted (Benjamini–Hochberg) p-value; nil when HSIC could not test it.
        public let pValue: Double?
        /// The p-value before adjustment, which decides whether the parameter is fixed
        /// (`Reduction.fixAbove`); nil in decisions of earlier versions.
        public let pRaw: Double?
        /// The fixed value; nil for a parameter that keeps its range.
        public let fixed: ParameterValue?
        /// The narrowed range of a kept number (internal units of its domain: not logs).
        public let low: Double?
        public let high: Double?

        public init(parameter: String, pValue: Double?, pRaw: Double? = nil, fixed: ParameterValue?, low: Double? = nil, high: Double? = nil) {
            self.parameter = parameter
            self.pValue = pValue
            self.pRaw = pRaw
            self.fixed = fixed
            self.low = low
            self.high = high
        }
    }

    /// The stage the decision is for.
    public let stage: Int
    public let objective: String
    /// How many trials were screened.
    public let trials: Int
    /// The goal fraction of the screening's HSIC.
    public let goal: Double
    public let alpha: Double
    public let choices: [Choice]

    public init(stage: Int, objective: String, trials: Int, goal: Double, alpha: Double, choices: [Choice]) {
        self.stage = stage
        self.objective = objective
        self.trials = trials
        self.goal = goal
        self.alpha = alpha
        self.choices = choices
    }
}
