/// Which of a study's trials an analysis read, as counts: what a `TrialSelection` chose.
public struct TrialsRead: Sendable, Equatable {
    /// The rule that chose them.
    public let rule: TrialSelection
    /// Trials read.
    public let read: Int
    /// Trials the study holds (those the rule chose from).
    public let of: Int
    /// Trials read that were not drawn from the prior (placed by TPE, given in `enqueue:`, or
    /// in a reduced space): with any, the p-values are optimistic.
    public let notFromPrior: Int

    public init(rule: TrialSelection, read: Int, of: Int, notFromPrior: Int) {
        self.rule = rule
        self.read = read
        self.of = of
        self.notFromPrior = notFromPrior
    }

}
