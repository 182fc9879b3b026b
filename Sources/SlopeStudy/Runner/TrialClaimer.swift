import SlopeCore

/// The claim algorithm every store shares (docs/distributed.md, "Claims"): the first pending
/// trial is claimed as planned, or, when it awaits a proposal, with parameters proposed from
/// the history outside any transaction and committed only if no other claim came in between;
/// on a conflict the history is read again (only what changed) and the proposal made anew.
/// With one worker and one job, proposals are a function of the spec and the results alone.
/// Copies share one gate: the job slots that share a claimer claim one at a time.
public struct TrialClaimer: Sendable {
    /// What a claim found.
    public enum Next: Sendable, Equatable {
        /// A trial, now running for this worker.
        case trial(StoredTrial)
        /// The first pending trial's stage waits for trials of earlier stages still running.
        case waiting
        /// No trial is pending.
        case none
    }

    public let store: any StudyStore
    public let spec: StudySpec
    public let worker: String
    public let history: TrialHistory
    private let gate = SerialGate()

    /// Claims that may lose to others' in a row before the claim gives up (each lost claim
    /// means another worker's claim succeeded).
    static let maxConflicts = 1000

    public init(store: any StudyStore, spec: StudySpec, worker: String, history: TrialHistory? = nil) {
        self.store = store
        self.spec = spec
        self.worker = worker
        self.history = history ?? TrialHistory(space: spec.space)
    }

    /// Claims the next trial for `worker`.
    /// - Throws: `SlopeError.store` for a store that cannot be read or written, or when
    ///   `maxConflicts` claims in a row lost to other workers'.
    public func next() async throws -> Next {
        try await gate.through { try await claim() }
    }

    private func claim() async throws -> Next {
        for _ in 0..<Self.maxConflicts {
            guard let head = try await store.pendingHead(space: spec.space) else { return .none }
            guard head.stageOpen else { return .waiting }
            var proposal: Proposal?, claims: Int64?
            if head.trial.awaitsProposal {
                let seen = try await history.refresh(from: store)
                let spec = spec, target = head.trial.observation
                proposal = await OwnThread.run { spec.proposal(for: target, history: seen.trials, decisions: seen.decisions) }
                claims = seen.claims
            }
            if let claimed = try await store.claim(head.trial.id, worker: worker, proposal: proposal, ifClaims: claims, space: spec.space) {
                return .trial(claimed)
            }
        }
        throw SlopeError.store(file: store.location, reason: "\(Self.maxConflicts) claims in a row lost to other workers' claims", problem: .contended)
    }
}
