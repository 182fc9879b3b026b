/// What a pruner reads of the other trials at one step (docs/method.md, "Pruning"): each
/// trial's report at that step (or at its first step past it), and how many trials are done.
public struct StepPeers: Sendable, Equatable {
    /// One trial's report.
    public struct Entry: Sendable, Equatable {
        public let trial: Int
        public let state: TrialState
        public let report: StepReport

        public init(trial: Int, state: TrialState, report: StepReport) {
            self.trial = trial
            self.state = state
            self.report = report
        }
    }

    /// By trial id.
    public let entries: [Entry]
    /// Trials done (completed), whether or not they reported this step.
    public let done: Int

    public init(entries: [Entry], done: Int) {
        self.entries = entries
        self.done = done
    }
}
