import SlopeCore
import Synchronization
@testable import SlopeStudy

/// A store that counts the heartbeats sent to it and the claims it refused (another claim
/// came first), and passes every call on.
final class BeatCounter: StudyStore {
    let inner: any StudyStore
    private let count = Mutex(0)
    private let refused = Mutex(0)

    var lostClaims: Int { refused.withLock { $0 } }

    init(_ inner: any StudyStore) { self.inner = inner }

    var beats: Int { count.withLock { $0 } }
    var location: String { inner.location }

    func heartbeat(worker: String, trials: [StoredTrial]) async throws {
        count.withLock { $0 += 1 }
        try await inner.heartbeat(worker: worker, trials: trials)
    }

    func study() async throws -> StudyRecord? { try await inner.study() }
    func create(name: String, spec: String, fingerprint: String, plan: [PlannedTrial]) async throws {
        try await inner.create(name: name, spec: spec, fingerprint: fingerprint, plan: plan)
    }
    func createImported(name: String, spec: String, fingerprint: String, trials: [StoredTrial], reports: [Int: [StepReport]]) async throws {
        try await inner.createImported(name: name, spec: spec, fingerprint: fingerprint, trials: trials, reports: reports)
    }
    func pendingHead(space: ParameterSpace) async throws -> PendingHead? { try await inner.pendingHead(space: space) }
    func changes(since version: Int64, space: ParameterSpace) async throws -> StoreChanges {
        try await inner.changes(since: version, space: space)
    }
    func claim(_ id: Int, worker: String, proposal: Proposal?, ifClaims claims: Int64?, space: ParameterSpace) async throws -> StoredTrial? {
        let claimed = try await inner.claim(id, worker: worker, proposal: proposal, ifClaims: claims, space: space)
        if claimed == nil { refused.withLock { $0 += 1 } }
        return claimed
    }
    func decisions(space: ParameterSpace) async throws -> [StageDecision] { try await inner.decisions(space: space) }
    func finish(_ trial: StoredTrial, worker: String, _ outcome: TrialOutcome) async throws -> Bool {
        try await inner.finish(trial, worker: worker, outcome)
    }
    func release(_ trial: StoredTrial, worker: String) async throws { try await inner.release(trial, worker: worker) }
    func report(_ trial: StoredTrial, worker: String, _ reports: [StepReport]) async throws -> Bool {
        try await inner.report(trial, worker: worker, reports)
    }
    func peers(at step: Int, orLater: Bool) async throws -> StepPeers { try await inner.peers(at: step, orLater: orLater) }
    func stepReports() async throws -> [Int: [StepReport]] { try await inner.stepReports() }
    func reclaim(lease: Double, maxAttempts: Int) async throws -> Int { try await inner.reclaim(lease: lease, maxAttempts: maxAttempts) }
    func liveRunning(lease: Double) async throws -> Int { try await inner.liveRunning(lease: lease) }
    func retryFailed() async throws -> Int { try await inner.retryFailed() }
    func trials(space: ParameterSpace) async throws -> [StoredTrial] { try await inner.trials(space: space) }
    func workers(lease: Double) async throws -> [WorkerRecord] { try await inner.workers(lease: lease) }
    func close() async { await inner.close() }
}
