/// What a running job is given besides its request: where it reports progress, the flag that
/// asks it to stop, and where it says what its caller should know while it runs (a result that
/// came too late, a store that could not be reached for a while).
///
/// Every library job has the same shape: `run(_ request, context:) throws(SlopeError) -> Result`.
/// A job whose result grows item by item (a study's trials, a network's epochs) also takes an
/// observer of the items. Stopping: a computation checks the flag between its stages and in
/// its long loops (epochs, permutation blocks) and throws `SlopeError.cancelled`, never
/// returning part of a result; a study stops its running trials, puts them back to pending and
/// returns the study as it stands (`StudyRunResult.stopped`). An async job also stops when its
/// task is cancelled.
public struct JobContext: Sendable {
    /// Told of finished units of every stage; nil: nobody watches.
    public let progress: (any ProgressReporter)?
    /// Raised to stop the job.
    public let stop: StopFlag
    /// One line a call, from any thread.
    public let note: @Sendable (String) -> Void

    public init(progress: (any ProgressReporter)? = nil, stop: StopFlag = StopFlag(),
                note: @escaping @Sendable (String) -> Void = { _ in }) {
        self.progress = progress
        self.stop = stop
        self.note = note
    }

    /// Throws `SlopeError.cancelled` once the job was asked to stop.
    public func checkStopped() throws(SlopeError) { try stop.check() }

    /// A counter of `total` units of `stage` that reports to `progress` and tells the loops
    /// that advance it when the job was asked to stop.
    public func counter(_ stage: JobStage, total: Int) -> ProgressCounter {
        let reporter = progress
        return ProgressCounter(total: total, stop: stop) { reporter?.report(stage, done: $0, total: $1) }
    }

    /// A (done, total) callback that reports `stage`, or nil without a reporter.
    public func callback(_ stage: JobStage) -> (@Sendable (Int, Int) -> Void)? {
        guard let reporter = progress else { return nil }
        return { reporter.report(stage, done: $0, total: $1) }
    }

    /// What a job's body returns, with whatever it throws as a `SlopeError`: the envelope of
    /// every synchronous entry point.
    public func perform<T>(_ body: (JobContext) throws -> T) throws(SlopeError) -> T {
        try SlopeError.catching { try body(self) }
    }

    /// What a job's async body returns, with whatever it throws as a `SlopeError`; cancelling
    /// the current task raises `stop`, so the job stops as if its caller had raised it.
    public func perform<T>(isolation: isolated (any Actor)? = #isolation,
                           _ body: (JobContext) async throws -> T) async throws(SlopeError) -> T {
        let flag = stop
        return try await SlopeError.catching {
            try await withTaskCancellationHandler { try await body(self) } onCancel: { flag.raise() }
        }
    }
}
