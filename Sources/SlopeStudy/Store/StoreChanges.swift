import SlopeCore

/// The first pending trial of a store, as a claim reads it.
public struct PendingHead: Sendable {
    /// The trial (its parameters empty while it awaits a proposal).
    public let trial: StoredTrial
    /// False while trials of earlier stages are pending or running: its stage has not started.
    public let stageOpen: Bool

    public init(trial: StoredTrial, stageOpen: Bool) {
        self.trial = trial
        self.stageOpen = stageOpen
    }
}

/// What a store holds that changed after a version (`StudyStore.changes(since:space:)`).
public struct StoreChanges: Sendable {
    /// The store's version when read: every change up to it is in `trials` or in an earlier
    /// read (rows of later versions may be there too).
    public let version: Int64
    /// How many claims the store had recorded when read (the compare-and-set of a claim).
    public let claims: Int64
    /// The changed trials, each with the version that last changed it.
    public let trials: [(version: Int64, trial: StoredTrial)]
    /// Every stage decision recorded, by stage.
    public let decisions: [StageDecision]

    public init(version: Int64, claims: Int64, trials: [(version: Int64, trial: StoredTrial)], decisions: [StageDecision]) {
        self.version = version
        self.claims = claims
        self.trials = trials
        self.decisions = decisions
    }
}
