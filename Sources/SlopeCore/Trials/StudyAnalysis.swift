/// Which hyperparameters matter, for each objective of a study (goal-oriented HSIC, Novello
/// et al. 2023), which trade one objective against another, and a summary in plain words.
public struct StudyAnalysis: Sendable {
    /// A hyperparameter as analysed: its type and on how many trials it was active.
    public struct ParameterInfo: Sendable {
        public let name: String
        public let kind: InputKind
        public let activeTrials: Int
    }

    public let source: String
    public let trials: Int
    /// What every hyperparameter was measured against, and how the p-values were combined.
    public let components: [EvidenceComponent]
    public let permutations: Int
    /// The reference goal fraction: the first component's.
    public var goal: Double { EvidenceComponent.referenceGoal(components) }
    public let alpha: Double
    public let missing: MissingObjective
    public let parameters: [ParameterInfo]
    public let objectives: [ObjectiveAnalysis]
    public let tradeOffs: [TradeOff]
    /// The trials (by label) that no other trial dominates on all the objectives analysed
    /// (trials lacking a value for one are left out); empty with one objective.
    public let pareto: [String]
    /// Which of the study's trials were read and what its stages' `reduce:` decided, when the
    /// study is known (set by the caller that read it; nil for a table of trials alone).
    public var provenance: StudyProvenance?

    /// Analyses every objective of `table`.
    /// - Parameter progress: told of finished units; its total must be `workUnits(table, options)`.
    /// - Complexity: per objective O(d (B m r + R m r²)) for d hyperparameters on m trials with
    ///   kernel factors of rank r, B permutations, R resamples (docs/method.md, "Goal-level
    ///   evidence"); with pairs, O(pairs (1 + B + R) n²) more.
    public static func run(_ table: TrialTable, options: StudyAnalysisOptions,
                           progress: ProgressCounter? = nil) throws -> StudyAnalysis {
        try options.validate()
        try options.checkMemory(parameters: table.parameters.count)
        let objectives = table.objectives.map { ObjectiveAnalysis.run(table, $0, options: options, progress: progress) }
        let names = table.parameters.map(\.name)
        let tradeOffs = TradeOff.find(objectives, names: names, alpha: options.alpha)
        return StudyAnalysis(
            source: table.source, trials: table.rowCount, components: options.components, permutations: options.permutations, alpha: options.alpha, missing: options.missing,
            parameters: table.parameters.map { ParameterInfo(name: $0.name, kind: $0.kind, activeTrials: $0.activeRows.count) },
            objectives: objectives, tradeOffs: tradeOffs, pareto: table.objectives.count > 1 ? table.paretoFront(Array(table.objectives.indices)) : [])
    }

    /// The units of work `run` reports.
    public static func workUnits(_ table: TrialTable, _ options: StudyAnalysisOptions) -> Int {
        table.objectives.count * workUnits(parameters: table.parameters.count, options)
    }

    /// The units of work of one objective with `d` hyperparameters.
    static func workUnits(parameters d: Int, _ options: StudyAnalysisOptions) -> Int {
        let pairs = options.pairs ? d * (d - 1) / 2 : 0
        return GoalEvidence.workUnits(inputs: d, settings: options.evidence) + pairs * (1 + options.permutations + options.bootstrap)
    }
}
