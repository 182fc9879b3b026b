/// How a trial ended, as the runner records it.
public enum TrialOutcome: Sendable, Equatable {
    /// The trial printed its metrics. Peak memory is nil when it could not be measured.
    case done(metrics: TrialMetrics, wallTime: Double, peakRSS: Int?)
    /// The trial failed: a one-line reason and the tail of its stderr.
    case failed(reason: String, stderrTail: String, wallTime: Double?, peakRSS: Int?)
    /// The study's pruner stopped the trial after `last`, its last step report, which it keeps.
    case pruned(last: StepReport, wallTime: Double, peakRSS: Int?)
}

extension TrialOutcome {
    /// True for a failed trial.
    public var failed: Bool {
        if case .failed = self { return true }
        return false
    }
}
