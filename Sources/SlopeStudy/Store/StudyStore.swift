import SlopeCore

/// The study a store holds: its name, its spec as the user wrote it, its identity and when
/// it was made.
public struct StudyRecord: Sendable, Equatable {
    public let name: String
    /// The spec's text (YAML), read back with `SpecReader`.
    public let spec: String
    /// The parsed spec as canonical JSON (`StudySpec.fingerprint`): two runs of one study
    /// must agree on it.
    public let fingerprint: String
    /// ISO 8601, UTC.
    public let createdAt: String

    public init(name: String, spec: String, fingerprint: String, createdAt: String) {
        self.name = name
        self.spec = spec
        self.fingerprint = fingerprint
        self.createdAt = createdAt
    }
}

/// Where a study's trials live: the single source of truth that every worker claims trials
/// from and reports them to: `TrialStore` (an SQLite file, workers on one host) or
/// `PostgresStore` (a database shared by workers on many hosts). Values are typed here and
/// serialised by the store (docs/distributed.md).
///
/// A store offers primitives, each one atomic step; the claim algorithm is written once, in
/// `TrialClaimer`, on top of them: read the first pending trial (`pendingHead`), bring the
/// history up to date (`changes(since:)`, only the rows changed since the last read), compute
/// the proposal outside any transaction, and `claim` with a compare-and-set that fails when
/// another claim came first. A process killed between two calls loses at most the trials it
/// was running, which `reclaim` puts back. A claim is a lease: the worker renews it
/// (`heartbeat`) while the trial runs, and its result counts only while the claim is still its
/// own (`finish`).
///
/// Every change to a trial row or a stage decision raises the store's version and stamps the
/// changed rows with it, in the same transaction; heartbeats change no version.
public protocol StudyStore: Sendable {
    /// Where the store is (a path, or an address without its password), for messages.
    var location: String { get }
    /// The stored study, or nil for a new store.
    func study() async throws -> StudyRecord?
    /// Records the study and all its planned trials as pending; when the store already holds
    /// the study (another worker made it first), changes nothing.
    func create(name: String, spec: String, fingerprint: String, plan: [PlannedTrial]) async throws
    /// Records a study run elsewhere (imported) with its finished trials and their step reports
    /// (by trial id).
    func createImported(name: String, spec: String, fingerprint: String, trials: [StoredTrial],
                        reports: [Int: [StepReport]]) async throws
    /// The pending trial of lowest id, and whether its stage has started; nil when no trial is
    /// pending. One indexed read.
    func pendingHead(space: ParameterSpace) async throws -> PendingHead?
    /// The trials changed after `version` (every trial for a version below 0) and every stage
    /// decision, with the store's version and claim count read before them: a later read from
    /// the returned version misses nothing.
    /// - Complexity: decodes only the rows changed since `version`.
    func changes(since version: Int64, space: ParameterSpace) async throws -> StoreChanges
    /// Marks trial `id` running for `worker` (one more attempt, a fresh lease) when it is
    /// still pending and its stage has started. With `proposal`, also only while the store's
    /// claim count is still `claims` (no claim since the history the proposal read): the
    /// proposal's parameters and its stage decision are recorded with the claim.
    /// - Returns: the claimed trial, or nil when the trial was taken or another claim came
    ///   first (read again and retry); nothing is written then.
    func claim(_ id: Int, worker: String, proposal: Proposal?, ifClaims claims: Int64?, space: ParameterSpace) async throws -> StoredTrial?
    /// The stage decisions recorded, by stage.
    func decisions(space: ParameterSpace) async throws -> [StageDecision]
    /// Renews the leases of `trials` (as `claim` returned them) while their claims are still
    /// `worker`'s, stamped by the store's clock. Only the claims a worker knows it holds are
    /// renewed: a claim whose reply was lost with a connection expires and is taken back.
    func heartbeat(worker: String, trials: [StoredTrial]) async throws
    /// Records how `trial` (as `claim` returned it to `worker`) ended, only while the claim is
    /// still this worker's: the trial running, by `worker`, in the same attempt.
    /// - Returns: false when the claim was lost (its lease expired and the trial went back to
    ///   pending or to another worker); nothing is then recorded.
    func finish(_ trial: StoredTrial, worker: String, _ outcome: TrialOutcome) async throws -> Bool
    /// Records the step reports of `trial` (as `claim` returned it to `worker`) while the claim
    /// is still this worker's; a step already recorded for this attempt keeps its first
    /// report. A claim starts its trial's reports afresh (a trial run again reports again).
    /// Reports change no version (they are not part of the history a proposal reads).
    /// - Returns: false when the claim was lost; nothing is then recorded.
    func report(_ trial: StoredTrial, worker: String, _ reports: [StepReport]) async throws -> Bool
    /// Every trial's report at `step` (with `orLater`, at the first step it reported at or
    /// past `step`), and how many trials are done: what a pruner compares a trial with. A
    /// trial interrupted and pending again has none.
    /// - Complexity: one indexed read of the reports at that step.
    func peers(at step: Int, orLater: Bool) async throws -> StepPeers
    /// Every step report, by trial id, each trial's in step order: the learning curves.
    func stepReports() async throws -> [Int: [StepReport]]
    /// Puts `trial` back to pending (its run was interrupted), while the claim is `worker`'s.
    func release(_ trial: StoredTrial, worker: String) async throws
    /// Puts back to pending the running trials whose worker is gone: on a server store, whose
    /// lease had no heartbeat for `lease` seconds by the store's clock; on a file store, whose
    /// process has died on this host. A trial that has had `maxAttempts` attempts fails
    /// instead. Returns how many trials changed.
    @discardableResult
    func reclaim(lease: Double, maxAttempts: Int) async throws -> Int
    /// How many trials are running under a live lease (or a live process).
    func liveRunning(lease: Double) async throws -> Int
    /// Puts failed trials back to pending; returns how many.
    @discardableResult
    func retryFailed() async throws -> Int
    /// Every trial, by id, its parameters typed by `space`.
    func trials(space: ParameterSpace) async throws -> [StoredTrial]
    /// The workers that claimed trials, with what they did and whether they are alive.
    func workers(lease: Double) async throws -> [WorkerRecord]
    /// Throws when what this process wrote can no longer be found where it wrote it: a file
    /// store whose file was deleted or replaced while the study ran (checked before a run
    /// reports success). A server store keeps its data: nothing to check.
    func checkIntact() async throws
    /// Ends this process's writing: a file store folds its write-ahead log into the file (so
    /// the file alone holds the study), a server store closes its connection. Best effort;
    /// the store may still be read afterwards.
    func close() async
}

/// A worker as a store knows it: the name it claims trials under, and what it did.
public struct WorkerRecord: Sendable, Equatable {
    /// `host:pid:start` (or the `SLOPE_WORKER` name).
    public let name: String
    public let done: Int
    public let failed: Int
    public let pruned: Int
    public let running: Int
    /// Seconds since its last heartbeat or finished trial, by the store's clock (nil when the
    /// store keeps no clock for it).
    public let lastSeen: Double?
    /// True while it holds a live lease (a server store) or its process lives (a file store).
    public let alive: Bool

    public init(name: String, done: Int, failed: Int, pruned: Int = 0, running: Int, lastSeen: Double?, alive: Bool) {
        self.name = name
        self.done = done
        self.failed = failed
        self.pruned = pruned
        self.running = running
        self.lastSeen = lastSeen
        self.alive = alive
    }
}

extension StudyStore {
    public func checkIntact() async throws {}

    /// The result of `body` on this store, which is closed after it, whether it threw or not.
    public func closing<T>(_ body: (Self) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }
}
