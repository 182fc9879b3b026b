/// Where a trial is in its life: pending → running → done, failed or pruned. A running trial
/// whose worker has gone goes back to pending and runs again. A pruned trial was stopped by
/// the study's pruner after a step report: it keeps that report's numbers and step.
public enum TrialState: String, CaseIterable, Sendable, Codable {
    case pending, running, done, failed, pruned

    /// True once the trial has ended (done, failed or pruned).
    public var isFinished: Bool { self == .done || self == .failed || self == .pruned }
}
