/// Where the trials of a study's analysis come from, when their study is known (a slope
/// store, an Optuna study, a CSV exported with its spec): the study's stages, which trials
/// were read, and what the stages' `reduce:` decided before they ran.
public struct StudyProvenance: Sendable, Equatable {
    /// The names of the study's stages, by index (`StageDecision.stage`).
    public let stages: [String]
    public let read: TrialsRead
    /// One a stage whose `reduce:` has decided, in stage order.
    public let decisions: [StageDecision]

    public init(stages: [String], read: TrialsRead, decisions: [StageDecision]) {
        self.stages = stages
        self.read = read
        self.decisions = decisions
    }

    /// The name of stage `k` (its index when the study has no such stage).
    public func stageName(_ k: Int) -> String { k >= 0 && k < stages.count ? stages[k] : "\(k)" }
}
