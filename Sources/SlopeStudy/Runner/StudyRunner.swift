import SlopeCore
import Foundation
import Synchronization

/// Runs a study's pending trials, `jobs` at a time, each a child process; every finished
/// trial is written to the store before the next is claimed. Any number of runners, on any
/// hosts, may work on one store at once (docs/distributed.md). Safe to stop at any moment: a
/// new run of the same spec on the same store resumes where this one ended.
///
/// Structured concurrency: one task per job slot and one that renews the leases, in one task
/// group that ends with the run; the runner's state is behind a `Mutex`, never held across a
/// suspension; waits (heartbeats, idle polls) are on `clock`, which tests may replace.
public final class StudyRunner: Sendable {
    public let spec: StudySpec
    public let store: any StudyStore
    public let jobs: Int
    /// The name this runner claims trials under.
    public let worker: String
    public let lease: LeaseSettings
    /// One device per job slot (empty: no GPUs).
    public let gpus: [String]
    /// The clock heartbeats and idle waits are timed on.
    public let clock: any Clock<Duration>
    private let trialRunner: TrialRunner
    /// Claims trials for this runner's jobs, sharing one history of the study.
    private let claimer: TrialClaimer
    /// Stops running trials early (the spec's `pruner:`).
    private let pruner: Pruner?

    private struct State {
        var progress: StudyProgress
        var firstError: (any Error)?
        /// When each of this runner's last trials ended, and whether it failed.
        var recent: [(at: ContinuousClock.Instant, failed: Bool)] = []
        /// The claims this runner's jobs hold, by trial id: the leases its heartbeats renew.
        var held: [Int: StoredTrial] = [:]
    }

    private let state: Mutex<State>
    /// Serialises the caller's report and note closures (one at a time, in order) apart from
    /// `state`, so that a closure may read `current`.
    private let callbacks = Mutex(())

    /// A worker stops when its last `streak` trials all failed within `streakWindow` seconds.
    static let streak = 5, streakWindow = 60.0

    /// Opens the study in `store`: creates it from `spec` (all trials pending) when the store
    /// is new, or checks that the store holds the same study; then puts back to pending the
    /// trials whose worker is gone (and the failed ones with `retryFailed`).
    /// - Throws: `SlopeError` for fewer than 1 job, a command with `{gpu}` and no `gpus`, a
    ///   store that cannot be used or holds another spec's study.
    public init(spec: StudySpec, store: any StudyStore, slopeExecutable: String, jobs: Int,
                retryFailed: Bool = false, lease: LeaseSettings? = nil, gpus: [String] = [],
                worker: String = WorkerIdentity.current, clock: any Clock<Duration> = ContinuousClock()) async throws {
        guard jobs >= 1 else { throw SlopeError.invalidSetting(.jobs, reason: "must be at least 1") }
        self.spec = spec
        self.store = store
        self.jobs = jobs
        self.worker = worker
        self.lease = try lease ?? LeaseSettings()
        self.gpus = gpus
        self.clock = clock
        trialRunner = try TrialRunner.checked(spec: spec, slopeExecutable: slopeExecutable)
        if trialRunner.template.usesGPU && gpus.isEmpty {
            throw SlopeError.invalidSetting(.gpus, reason: "the command uses {gpu}: give the devices, e.g. 0,1")
        }
        let fingerprint = try spec.fingerprint()
        // Several workers may start on a new store at once: one creates the study, every one
        // then checks that it is theirs.
        if try await store.study() == nil {
            try await store.create(name: spec.name, spec: spec.source, fingerprint: fingerprint, plan: spec.plan())
        }
        guard let existing = try await store.study() else {
            throw SlopeError.store(file: store.location, reason: "the study could not be created")
        }
        guard existing.fingerprint == fingerprint else {
            throw SlopeError.specMismatch(file: store.location, study: existing.name)
        }
        claimer = TrialClaimer(store: store, spec: spec, worker: worker)
        pruner = spec.pruner.map { Pruner(spec: $0, objective: spec.primaryObjective, studyName: spec.name) }
        try await store.reclaim(lease: self.lease.lease, maxAttempts: spec.maxAttempts)
        if retryFailed { try await store.retryFailed() }
        let progress = StudyProgress(trials: try await store.trials(space: spec.space), objective: spec.primaryObjective)
        state = Mutex(State(progress: progress))
    }

    /// The study's state now (as this runner counted it).
    public var current: StudyProgress { state.withLock { $0.progress } }

    /// Runs until no trial is pending and none runs under a live lease elsewhere, or `stop` is
    /// raised. `report` sees the progress after every finished trial and `note` a line about
    /// a result that came too late (one at a time, in order, so they may print). While it
    /// runs, the runner renews its leases every `lease.heartbeat` seconds and takes back
    /// trials whose worker's lease expired.
    public func run(stop: StopFlag, report: @escaping @Sendable (StudyProgress) -> Void = { _ in },
                    note: @escaping @Sendable (String) -> Void = { _ in }) async throws -> StudyProgress {
        let start = ContinuousClock.now
        let startFinished = current.finished
        report(current)
        // The heartbeat task is cancelled and awaited when the jobs are done: nothing of this
        // runner (its store's connection, a file store's log) outlives the run.
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.heartbeats(note: note) }
            await withTaskGroup(of: Void.self) { slots in
                for slot in 0..<jobs {
                    let gpu = gpus.isEmpty ? nil : gpus[slot % gpus.count]
                    slots.addTask {
                        await self.work(stop: stop, gpu: gpu, start: start, startFinished: startFinished, report: report, note: note)
                    }
                }
            }
            group.cancelAll()
        }
        if let firstError = state.withLock({ $0.firstError }) { throw firstError }
        return current
    }

    /// Renews this worker's leases and takes back expired ones, every heartbeat, until the
    /// task is cancelled. A store that cannot be reached is noted and tried again next time;
    /// the trials keep running meanwhile.
    private func heartbeats(note: @escaping @Sendable (String) -> Void) async {
        while true {
            do {
                try await clock.sleep(for: .seconds(lease.heartbeat))
            } catch {
                return  // cancelled: the run is over
            }
            do {
                try await store.heartbeat(worker: worker, trials: state.withLock { Array($0.held.values) })
                try await store.reclaim(lease: lease.lease, maxAttempts: spec.maxAttempts)
            } catch is CancellationError {
                return  // the run is over
            } catch {
                callbacks.withLock { _ in note("heartbeat: \(error)") }
            }
        }
    }

    /// One job slot: claims and runs trials until none is left for it. An error stops every
    /// job (`stop`) and is thrown by `run`.
    private func work(stop: StopFlag, gpu: String?, start: ContinuousClock.Instant, startFinished: Int,
                      report: @escaping @Sendable (StudyProgress) -> Void, note: @escaping @Sendable (String) -> Void) async {
        do {
            while !stop.isSet {
                // A stop ends the wait for the next trial; a claim that has not answered 2 s
                // after it (an outage) is given up. A trial claimed as the stop came is put back.
                guard let next = try await stop.unlessRaised(grace: Self.claimGrace, { try await self.nextTrial(stop: stop) }),
                      let trial = next else { break }
                state.withLock { $0.held[trial.id] = trial }
                guard let outcome = try await watched(trial, stop: stop, gpu: gpu, note: note) else {
                    state.withLock { $0.held[trial.id] = nil }
                    await giveBack(trial, note: note)
                    break
                }
                let recorded = try await store.finish(trial, worker: worker, outcome)
                // Finished: no longer this worker's to renew, nor counted as its own running trial.
                state.withLock { $0.held[trial.id] = nil }
                guard recorded else {
                    callbacks.withLock { _ in
                        note("trial \(trial.id): its lease expired while it ran, so another worker runs it again; this result was not recorded")
                    }
                    continue
                }
                try await count(outcome, start: start, startFinished: startFinished, report: report)
            }
        } catch {
            stop.raise()
            state.withLock { if $0.firstError == nil { $0.firstError = error } }
        }
    }

    /// Seconds a claim under way may still take once the worker is stopped.
    static let claimGrace = 2.0

    /// The next trial this slot runs, nil when none is left for it or `stop` is raised. When
    /// nothing can be claimed it takes back what dead workers left, else waits while another
    /// worker's trial may still come back (its lease lives) or while a stage waits for this
    /// worker's own running trials to end.
    private func nextTrial(stop: StopFlag) async throws -> StoredTrial? {
        while !stop.isSet {
            let nothing: TrialClaimer.Next
            switch try await claimer.next() {
            case let .trial(claimed): return claimed
            case let other: nothing = other
            }
            if try await store.reclaim(lease: lease.lease, maxAttempts: spec.maxAttempts) > 0 { continue }
            let waiting = nothing == .waiting && state.withLock { !$0.held.isEmpty }
            if !waiting, try await !othersRunning() { return nil }
            try await clock.sleep(for: .seconds(min(1, lease.heartbeat)))
        }
        return nil
    }

    /// Seconds a stopping worker waits for the store to take a stopped trial back.
    static let giveBackWait = 10.0

    /// Puts a stopped trial back to pending. A store that does not take it within
    /// `giveBackWait` seconds (the server is down) leaves it to its lease: another worker takes
    /// it back when the lease expires; `note` says so, and the stop is not turned into an error.
    private func giveBack(_ trial: StoredTrial, note: @escaping @Sendable (String) -> Void) async {
        do {
            try await withDeadline(seconds: Self.giveBackWait) { [store, worker] in try await store.release(trial, worker: worker) }
        } catch {
            callbacks.withLock { _ in
                note("trial \(trial.id): not put back to pending (\(error)); it runs again once its lease expires (\(String(format: "%g", lease.lease)) s)")
            }
        }
    }

    /// Runs `trial` on a thread of its own while this task stores its step reports as they
    /// come and asks the pruner after each batch; nil when `stop` interrupted it.
    private func watched(_ trial: StoredTrial, stop: StopFlag, gpu: String?, note: @escaping @Sendable (String) -> Void) async throws -> TrialOutcome? {
        let monitor = TrialMonitor(), runner = trialRunner
        async let ran = OwnThread.run {
            defer { monitor.close() }
            return runner.run(trial, stop: stop, gpu: gpu, monitor: monitor)
        }
        do {
            var curve = Pruner.Curve()
            let store = self.store
            for await _ in monitor.arrivals {
                let reports = monitor.take()
                // A lost claim records nothing; `finish` says so when the trial ends.
                guard !reports.isEmpty, try await store.report(trial, worker: worker, reports), let pruner, !monitor.prune.isSet else { continue }
                var last: StepReport?
                for r in reports {
                    guard let value = r.value(of: pruner.objective.name) else { continue }
                    curve.add(step: r.step, value: value)
                    last = r
                }
                if let last, try await pruner.shouldPrune(trial: trial.id, curve: &curve, peers: { try await store.peers(at: $0, orLater: $1) }) {
                    monitor.pruned(at: last)
                }
            }
        } catch {
            // The trial must not outlive the worker's error.
            stop.raise()
            _ = await ran
            throw error
        }
        let outcome = await ran
        if monitor.dropped > 0 {
            callbacks.withLock { _ in
                note("trial \(trial.id): \(counted(monitor.dropped, "step report")) past the first \(TrialMonitor.reportCap) were not kept")
            }
        }
        return outcome
    }

    /// True when a trial runs under a live lease that this runner's jobs do not hold (another
    /// worker's, or a claim of this worker's whose reply was lost and that will expire).
    private func othersRunning() async throws -> Bool {
        try await store.liveRunning(lease: lease.lease) > state.withLock { $0.held.count }
    }

    /// Adds a recorded outcome to the progress; throws when this worker's last trials all
    /// failed within a minute while another worker holds a trial (a broken node must not burn
    /// a study that others can carry on; alone, the worker goes on, and a study whose every
    /// trial failed ends with its commonest failure).
    private func count(_ outcome: TrialOutcome, start: ContinuousClock.Instant, startFinished: Int,
                       report: @Sendable (StudyProgress) -> Void) async throws {
        let now = ContinuousClock.now
        let streak = state.withLock { s -> Bool in
            switch outcome {
            case let .done(metrics, _, _):
                s.progress.done += 1
                let value = metrics[spec.primaryObjective.name]
                if let value, s.progress.best.map({ spec.primaryObjective.isBetter(value, than: $0) }) ?? true {
                    s.progress.best = value
                }
            case .failed:
                s.progress.failed += 1
            case .pruned:
                s.progress.pruned += 1
            }
            let finishedHere = s.progress.finished - startFinished
            let elapsed = start.duration(to: now)
            let pace = (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) / Double(finishedHere)
            s.progress.eta = pace * Double(max(0, s.progress.total - s.progress.finished))
            s.recent = Array((s.recent + [(now, outcome.failed)]).suffix(Self.streak))
            guard s.recent.count == Self.streak, s.recent.allSatisfy(\.failed), let first = s.recent.first else { return false }
            return first.at.duration(to: now) <= .seconds(Self.streakWindow)
        }
        // The latest progress, read inside the callbacks' turn: reports never go backwards.
        callbacks.withLock { _ in report(current) }
        if streak, try await othersRunning() {
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
