import SlopeCore
import Foundation

/// Runs a study's pending trials, `jobs` at a time, each a child process; every finished
/// trial is written to the store before the next is claimed. Any number of runners, on any
/// hosts, may work on one store at once (docs/distributed.md). Safe to stop at any moment: a
/// new run of the same spec on the same store resumes where this one ended.
public final class StudyRunner: @unchecked Sendable {
    public let spec: StudySpec
    public let store: any StudyStore
    public let jobs: Int
    /// The name this runner claims trials under.
    public let worker: String
    public let lease: LeaseSettings
    /// One device per job slot (empty: no GPUs).
    public let gpus: [String]
    private let trialRunner: TrialRunner
    /// Claims trials for this runner's jobs, sharing one history of the study.
    private let claimer: TrialClaimer
    private let lock = NSLock()
    private var progress: StudyProgress
    private var firstError: (any Error)?
    /// When each of this runner's last trials ended, and whether it failed.
    private var recent: [(at: Date, failed: Bool)] = []
    /// The claims this runner's jobs hold, by trial id: the leases its heartbeats renew.
    private var held: [Int: StoredTrial] = [:]
    /// Serialises the caller's report and note closures (one at a time, in order) apart from
    /// `lock`, so that a closure may read `current` without deadlocking.
    private let callbacks = NSLock()

    /// A worker stops when its last `streak` trials all failed within `streakWindow` seconds.
    static let streak = 5, streakWindow = 60.0

    /// Opens the study in `store`: creates it from `spec` (all trials pending) when the store
    /// is new, or checks that the store holds the same study; then puts back to pending the
    /// trials whose worker is gone (and the failed ones with `retryFailed`).
    /// - Throws: `SlopeError` for fewer than 1 job, a command with `{gpu}` and no `gpus`, a
    ///   store that cannot be used or holds another spec's study.
    public init(spec: StudySpec, store: any StudyStore, slopeExecutable: String, jobs: Int,
                retryFailed: Bool = false, lease: LeaseSettings? = nil, gpus: [String] = [],
                worker: String = WorkerIdentity.current) throws {
        guard jobs >= 1 else { throw SlopeError.invalidSetting(.jobs, reason: "must be at least 1") }
        self.spec = spec
        self.store = store
        self.jobs = jobs
        self.worker = worker
        self.lease = try lease ?? LeaseSettings()
        self.gpus = gpus
        trialRunner = try TrialRunner.checked(spec: spec, slopeExecutable: slopeExecutable)
        if trialRunner.template.usesGPU && gpus.isEmpty {
            throw SlopeError.invalidSetting(.gpus, reason: "the command uses {gpu}: give the devices, e.g. 0,1")
        }
        let fingerprint = try spec.fingerprint()
        // Several workers may start on a new store at once: one creates the study, every one
        // then checks that it is theirs.
        if try store.study() == nil {
            try store.create(name: spec.name, spec: spec.source, fingerprint: fingerprint, plan: spec.plan())
        }
        guard let existing = try store.study() else {
            throw SlopeError.store(file: store.location, reason: "the study could not be created")
        }
        guard existing.fingerprint == fingerprint else {
            throw SlopeError.specMismatch(file: store.location, study: existing.name)
        }
        claimer = TrialClaimer(store: store, spec: spec, worker: worker)
        try store.reclaim(lease: self.lease.lease, maxAttempts: spec.maxAttempts)
        if retryFailed { try store.retryFailed() }
        progress = StudyProgress(trials: try store.trials(space: spec.space), objective: spec.primaryObjective)
    }

    /// The study's state now (as this runner counted it).
    public var current: StudyProgress { lock.withLock { progress } }

    /// Runs until no trial is pending and none runs under a live lease elsewhere, or `stop` is
    /// raised. `report` sees the progress after every finished trial and `note` a line about
    /// a result that came too late (both under a lock, so they may print). While it runs, the
    /// runner renews its leases every `lease.heartbeat` seconds and takes back trials whose
    /// worker's lease expired.
    public func run(stop: StopFlag, report: @escaping @Sendable (StudyProgress) -> Void = { _ in },
                    note: @escaping @Sendable (String) -> Void = { _ in }) throws -> StudyProgress {
        let start = Date()
        let startFinished = current.finished
        report(current)
        let finished = StopFlag(), ended = DispatchSemaphore(value: 0)
        let beat = Thread { [self] in
            heartbeats(until: finished, note: note)
            ended.signal()
        }
        beat.start()
        // The heartbeat thread ends before `run` returns: nothing of this runner (its store's
        // connection, a file store's log) outlives the run.
        defer {
            finished.raise()
            ended.wait()
        }
        try runWorkers(stop: stop, start: start, startFinished: startFinished, report: report, note: note)
        return current
    }

    /// Renews this worker's leases and takes back expired ones, every heartbeat, until
    /// `finished`. A store that cannot be reached is noted and tried again next time; the
    /// trials keep running meanwhile.
    private func heartbeats(until finished: StopFlag, note: @Sendable (String) -> Void) {
        var next = Date().addingTimeInterval(lease.heartbeat)
        while !finished.isSet {
            Thread.sleep(forTimeInterval: min(0.1, lease.heartbeat))
            guard Date() >= next else { continue }
            next = Date().addingTimeInterval(lease.heartbeat)
            do {
                try store.heartbeat(worker: worker, trials: lock.withLock { Array(held.values) })
                try store.reclaim(lease: lease.lease, maxAttempts: spec.maxAttempts)
            } catch {
                callbacks.withLock { note("heartbeat: \(error)") }
            }
        }
    }

    /// `jobs` threads claiming and running trials until none is left for them.
    private func runWorkers(stop: StopFlag, start: Date, startFinished: Int,
                            report: @escaping @Sendable (StudyProgress) -> Void,
                            note: @escaping @Sendable (String) -> Void) throws {
        let group = DispatchGroup()
        for slot in 0..<jobs {
            group.enter()
            let gpu = gpus.isEmpty ? nil : gpus[slot % gpus.count]
            let thread = Thread { [self] in
                work(stop: stop, gpu: gpu, start: start, startFinished: startFinished, report: report, note: note)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        if let firstError = lock.withLock({ firstError }) { throw firstError }
    }

    private func work(stop: StopFlag, gpu: String?, start: Date, startFinished: Int,
                      report: @Sendable (StudyProgress) -> Void, note: @Sendable (String) -> Void) {
        do {
            while !stop.isSet {
                let trial: StoredTrial
                switch try claimer.next() {
                case let .trial(claimed):
                    trial = claimed
                case let nothing:
                    // Nothing to claim: take back what dead workers left, else wait while another
                    // worker's trial may still come back (its lease lives) or while a stage
                    // waits for this worker's own running trials to end.
                    if try store.reclaim(lease: lease.lease, maxAttempts: spec.maxAttempts) > 0 { continue }
                    let waiting = nothing == .waiting && lock.withLock { !held.isEmpty }
                    guard try waiting || othersRunning() else { return }
                    Thread.sleep(forTimeInterval: min(1, lease.heartbeat))
                    continue
                }
                lock.withLock { held[trial.id] = trial }
                defer { lock.withLock { held[trial.id] = nil } }
                guard let outcome = trialRunner.run(trial, stop: stop, gpu: gpu) else {
                    try store.release(trial, worker: worker)
                    break
                }
                guard try store.finish(trial, worker: worker, outcome) else {
                    callbacks.withLock {
                        note("trial \(trial.id): its lease expired while it ran, so another worker runs it again; this result was not recorded")
                    }
                    continue
                }
                // Finished: no longer this worker's to renew, nor counted as its own running trial.
                lock.withLock { held[trial.id] = nil }
                try count(outcome, start: start, startFinished: startFinished, report: report)
            }
        } catch {
            stop.raise()
            lock.withLock { if firstError == nil { firstError = error } }
        }
    }

    /// True when a trial runs under a live lease that this runner's jobs do not hold (another
    /// worker's, or a claim of this worker's whose reply was lost and that will expire).
    private func othersRunning() throws -> Bool {
        try store.liveRunning(lease: lease.lease) > lock.withLock { held.count }
    }

    /// Adds a recorded outcome to the progress; throws when this worker's last trials all
    /// failed within a minute while another worker holds a trial (a broken node must not burn
    /// a study that others can carry on; alone, the worker goes on, and a study whose every
    /// trial failed ends with its commonest failure).
    private func count(_ outcome: TrialOutcome, start: Date, startFinished: Int,
                       report: @Sendable (StudyProgress) -> Void) throws {
        let streak = lock.withLock { () -> Bool in
            switch outcome {
            case let .done(metrics, _, _):
                progress.done += 1
                let value = metrics[spec.primaryObjective.name]
                if let value, progress.best.map({ spec.primaryObjective.isBetter(value, than: $0) }) ?? true {
                    progress.best = value
                }
            case .failed:
                progress.failed += 1
            }
            let finishedHere = progress.finished - startFinished
            let pace = Date().timeIntervalSince(start) / Double(finishedHere)
            progress.eta = pace * Double(max(0, progress.total - progress.finished))
            recent = Array((recent + [(Date(), outcome.failed)]).suffix(Self.streak))
            guard recent.count == Self.streak, recent.allSatisfy(\.failed), let first = recent.first else { return false }
            return Date().timeIntervalSince(first.at) <= Self.streakWindow
        }
        // The latest progress, read inside the callbacks' turn: reports never go backwards.
        callbacks.withLock { report(current) }
        if streak, try othersRunning() {
            throw SlopeError.program(reason: "the last \(Self.streak) trials on this worker (\(worker)) all failed within \(Int(Self.streakWindow)) s while other workers carry on; stopping it so that a broken node does not fail the whole study (see `slope study status` for the reasons)")
        }
    }
}

extension StudySpec {
    /// The spec as canonical JSON (sorted keys, without its folder and source text): the
    /// study's identity in a store.
    /// - Throws: `SlopeError.spec` when a value cannot be written as JSON (the reader refuses
    ///   non-finite numbers, so this only guards specs made as values).
    public func fingerprint() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            throw SlopeError.spec(file: name, line: nil, key: "spec", reason: "holds a value that is not a finite number")
        }
    }
}
