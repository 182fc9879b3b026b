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
/// from and reports them to. `TrialStore` (SQLite) is one; a server database can be another
/// without the runner changing. Values are typed here and serialised by the store.
///
/// Every method is one atomic step: a process killed between two calls loses at most the
/// trials it was running, which `reclaim` puts back.
public protocol StudyStore: Sendable {
    /// Where the store is (a path or an address), for messages.
    var location: String { get }
    /// The stored study, or nil for a new store.
    func study() throws -> StudyRecord?
    /// Records the study and all its planned trials as pending; when the store already holds
    /// a study (another worker made it first), changes nothing.
    func create(name: String, spec: String, fingerprint: String, plan: [PlannedTrial]) throws
    /// Records a study run elsewhere (imported) with its finished trials.
    func createImported(name: String, spec: String, fingerprint: String, trials: [StoredTrial]) throws
    /// Takes the first pending trial for `worker` and marks it running, or nil when none is
    /// pending; two workers never get the same trial.
    func claim(worker: String, space: ParameterSpace) throws -> StoredTrial?
    /// Records how the running trial `id` ended.
    func finish(id: Int, _ outcome: TrialOutcome) throws
    /// Puts the running trial `id` back to pending (its run was interrupted).
    func release(id: Int) throws
    /// Puts back to pending the running trials whose worker `isAbandoned`; returns how many.
    @discardableResult
    func reclaim(_ isAbandoned: @Sendable (String) -> Bool) throws -> Int
    /// Puts failed trials back to pending; returns how many.
    @discardableResult
    func retryFailed() throws -> Int
    /// Every trial, by id, its parameters typed by `space`.
    func trials(space: ParameterSpace) throws -> [StoredTrial]
}
