/// Where a trial is in its life: pending → running → done or failed. A running trial whose
/// worker has gone goes back to pending and runs again.
public enum TrialState: String, CaseIterable, Sendable, Codable {
    case pending, running, done, failed
}
