import SlopeCore
import Foundation

/// Runs a study's pending trials, `jobs` at a time, each a child process; every finished
/// trial is written to the store before the next is claimed. Safe to stop at any moment: a
/// new run of the same spec on the same store resumes where this one ended.
public final class StudyRunner: @unchecked Sendable {
    public let spec: StudySpec
    public let store: any StudyStore
    public let jobs: Int
    private let trialRunner: TrialRunner
    private let lock = NSLock()
    private var progress: StudyProgress
    private var firstError: (any Error)?

    /// Opens the study in `store`: creates it from `spec` (all trials pending) when the store
    /// is new, or checks that the store holds the same study; then puts back to pending the
    /// trials whose worker has died (and the failed ones with `retryFailed`).
    public init(spec: StudySpec, store: any StudyStore, slopeExecutable: String, jobs: Int,
                retryFailed: Bool = false) throws {
        guard jobs >= 1 else { throw SlopeError.invalidSetting(.jobs, reason: "must be at least 1") }
        self.spec = spec
        self.store = store
        self.jobs = jobs
        trialRunner = try TrialRunner.checked(spec: spec, slopeExecutable: slopeExecutable)
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
        try store.reclaim(WorkerIdentity.isGone)
        if retryFailed { try store.retryFailed() }
        progress = StudyProgress(trials: try store.trials(space: spec.space), objective: spec.primaryObjective)
    }

    /// The study's state now.
    public var current: StudyProgress { lock.withLock { progress } }

    /// Runs until no trial is pending or `stop` is raised; `report` sees the progress after
    /// every finished trial (under a lock, so it may print). Before it returns, trials left
    /// running by workers that died meanwhile (on this host) are put back and run too.
    public func run(stop: StopFlag, report: @escaping @Sendable (StudyProgress) -> Void = { _ in }) throws -> StudyProgress {
        let start = Date()
        let startFinished = current.finished
        report(current)
        while true {
            try runWorkers(stop: stop, start: start, startFinished: startFinished, report: report)
            guard !stop.isSet, try store.reclaim(WorkerIdentity.isGone) > 0 else { break }
        }
        return current
    }

    /// `jobs` threads claiming and running trials until none is pending.
    private func runWorkers(stop: StopFlag, start: Date, startFinished: Int,
                            report: @escaping @Sendable (StudyProgress) -> Void) throws {
        let group = DispatchGroup()
        for _ in 0..<jobs {
            group.enter()
            let thread = Thread { [self] in
                work(stop: stop, start: start, startFinished: startFinished, report: report)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        if let firstError = lock.withLock({ firstError }) { throw firstError }
    }

    private func work(stop: StopFlag, start: Date, startFinished: Int,
                      report: @Sendable (StudyProgress) -> Void) {
        do {
            while !stop.isSet, let trial = try store.claim(worker: WorkerIdentity.current, space: spec.space) {
                guard let outcome = trialRunner.run(trial, stop: stop) else {
                    try store.release(id: trial.id)
                    break
                }
                try store.finish(id: trial.id, outcome)
                lock.withLock {
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
                    progress.eta = pace * Double(progress.total - progress.finished)
                    report(progress)
                }
            }
        } catch {
            stop.raise()
            lock.withLock { if firstError == nil { firstError = error } }
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
