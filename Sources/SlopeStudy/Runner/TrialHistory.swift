import SlopeCore
import Synchronization

/// The study's trials as the samplers see them, kept up to date from a store: each refresh
/// reads and decodes only the rows changed since the last one (`StudyStore.changes`). Running
/// trials stay in the history, so a proposal steers away from them (the constant liar).
/// Shared by a runner's jobs; refreshes may overlap (a row is replaced only by a later
/// version of it).
public final class TrialHistory: Sendable {
    /// What a proposal reads: the trials by id, the stage decisions, and the store's claim
    /// count when they were read.
    public struct Snapshot: Sendable {
        public let trials: [TrialObservation]
        public let decisions: [StageDecision]
        public let claims: Int64
    }

    private struct State {
        var version: Int64 = -1
        var rows: [Int: (version: Int64, trial: TrialObservation)] = [:]
    }

    private let state = Mutex(State())
    public let space: ParameterSpace

    public init(space: ParameterSpace) { self.space = space }

    /// Reads what changed in `store` since the last refresh and returns the history.
    /// - Complexity: O(c) decoding for c changed rows, O(n log n) to list n trials.
    public func refresh(from store: any StudyStore) async throws -> Snapshot {
        let since = state.withLock { $0.version }
        let changes = try await store.changes(since: since, space: space)
        let trials = state.withLock { s -> [TrialObservation] in
            for (version, trial) in changes.trials where version >= s.rows[trial.id]?.version ?? .min {
                s.rows[trial.id] = (version, trial.observation)
            }
            s.version = max(s.version, changes.version)
            return s.rows.keys.sorted().compactMap { s.rows[$0]?.trial }
        }
        return Snapshot(trials: trials, decisions: changes.decisions, claims: changes.claims)
    }
}
