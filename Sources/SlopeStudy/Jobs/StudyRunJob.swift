import Foundation
import SlopeCore

/// Everything `slope study run` needs.
public struct StudyRunRequest: Sendable {
    /// The spec, read and checked when the request is made.
    public let spec: StudySpec
    /// The trial store: an SQLite file, or a location of a kind `opener` knows (a PostgreSQL
    /// URL shared by workers on many hosts).
    public let store: String
    /// Opens `store`.
    public let opener: StoreOpener
    /// Trials run at once, at least 1.
    public let jobs: Int
    /// Run failed trials again.
    public let retryFailed: Bool
    /// How often this worker renews its leases and how long one lasts.
    public let lease: LeaseSettings
    /// One device per job slot (`CUDA_VISIBLE_DEVICES`, `{gpu}`); empty for none.
    public let gpus: [String]
    /// The slope executable that `trainer:` specs run as the trial's child.
    public let slopeExecutable: String

    /// Reads the spec at `specPath`; the store defaults to the spec file's name with `.sqlite`
    /// in the current folder; `jobs` defaults to the number of `gpus`, else 1.
    /// - Throws: `SlopeError` for a bad spec (file, line, key), a program that cannot be found,
    ///   fewer than 1 job, or an empty device name.
    public init(specPath: String, store: String? = nil, opener: StoreOpener = .files, jobs: Int? = nil, retryFailed: Bool = false,
                lease: LeaseSettings? = nil, gpus: [String] = [], slopeExecutable: String) throws(SlopeError) {
        let jobs = jobs ?? max(1, gpus.count)
        guard jobs >= 1 else { throw SlopeError.invalidSetting(.jobs, reason: "must be at least 1") }
        guard gpus.allSatisfy({ !$0.isEmpty && !$0.contains(",") }) else {
            throw SlopeError.invalidSetting(.gpus, reason: "give device names separated by commas, e.g. 0,1,2,3")
        }
        self.lease = try SlopeError.catching { try lease ?? LeaseSettings() }
        self.gpus = gpus
        let spec = try SlopeError.catching { try SpecReader.read(path: specPath) }
        _ = try SlopeError.catching { try TrialRunner.checked(spec: spec, slopeExecutable: slopeExecutable) }
        self.spec = spec
        self.store = store ?? URL(fileURLWithPath: specPath).deletingPathExtension().lastPathComponent + ".sqlite"
        self.opener = opener
        self.jobs = jobs
        self.retryFailed = retryFailed
        self.slopeExecutable = slopeExecutable
    }
}

/// How a run of a study ended.
public struct StudyRunResult: Sendable {
    /// What produced the result: the spec, the store, the workers' settings.
    public let request: StudyRunRequest
    /// True when the run was asked to stop (`JobContext.stop`) before the study was complete:
    /// its running trials went back to pending, and the same request resumes it.
    public let stopped: Bool
    /// The study's counts and best value at the end.
    public let progress: StudyProgress
    /// The reason most failed trials give, with how many give it; nil when none failed.
    public let commonestFailure: (reason: String, count: Int)?
    /// The spec's constraints on a number no done trial reported (every trial breaks them).
    public let unreportedConstraints: [Constraint]

    /// True when trials failed and none finished with a result: the study learned nothing.
    public var everyTrialFailed: Bool { progress.done == 0 && progress.failed > 0 }
}

/// `slope study run` as a library call.
public enum StudyRunJob {
    /// Creates or resumes the study in the store and runs its pending trials until none is
    /// left (here or under a live lease elsewhere) or `context.stop` is raised (or the task is
    /// cancelled); `trials` sees the study after every finished trial, `context.note` a line
    /// about a result that came too late or a store that could not be reached for a while.
    /// - Returns: the study's state at the end, whether it was stopped, its commonest failure.
    /// - Throws: `SlopeError` for a store that cannot be used or holds another spec's study, or
    ///   a store file that was deleted or replaced while the study ran.
    public static func run(_ request: StudyRunRequest, context: JobContext = JobContext(),
                           trials: @escaping @Sendable (StudyProgress) -> Void = { _ in }) async throws(SlopeError) -> StudyRunResult {
        // The study runs in a task of its own, which cancelling the caller's task does not
        // reach: only the flag does, so the trials are stopped and put back to pending through
        // a store that still answers (a cancelled task's store calls would throw instead).
        let work = Task { try await study(request, context, trials: trials) }
        return try await context.perform { _ in try await work.value }
    }

    private static func study(_ request: StudyRunRequest, _ context: JobContext,
                              trials progress: @escaping @Sendable (StudyProgress) -> Void) async throws -> StudyRunResult {
        // A database that restarts as the worker starts is waited out for up to two minutes;
        // a stop ends that wait (no trial runs yet, so nothing needs the store to stop).
        guard let store = try await context.stop.unlessRaised({ try await request.opener.running(request.store, study: request.spec.name) })
        else { throw CancellationError() }
        return try await store.closing { store in
            let runner = try await StudyRunner(spec: request.spec, store: store, slopeExecutable: request.slopeExecutable,
                                               jobs: request.jobs, retryFailed: request.retryFailed, lease: request.lease,
                                               gpus: request.gpus, worker: WorkerIdentity.named)
            let final = try await runner.run(stop: context.stop, report: progress, note: context.note)
            try await store.checkIntact()
            let stopped = context.stop.isSet
            // A stopped run says only that: the store need not answer again.
            guard !stopped, final.failed > 0 || !request.spec.constraints.isEmpty else {
                return StudyRunResult(request: request, stopped: stopped, progress: final, commonestFailure: nil, unreportedConstraints: [])
            }
            let trials = try await store.trials(space: request.spec.space)
            let failures = trials.compactMap { $0.state == .failed ? $0.failureLine : nil }
            let counts = Dictionary(failures.map { ($0, 1) }, uniquingKeysWith: +)
            let commonest = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
            return StudyRunResult(request: request, stopped: stopped, progress: final, commonestFailure: commonest.map { (reason: $0.key, count: $0.value) },
                                  unreportedConstraints: request.spec.unreportedConstraints(trials.map(\.observation)))
        }
    }
}
