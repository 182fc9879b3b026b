/// A stage of a job that reports progress.
public enum JobStage: String, Sendable {
    /// Reading a table; units are bytes of the file.
    case reading
    /// Training; units are epochs summed over restarts.
    case training
    /// The correlation and HSIC baselines of an analysis; no count.
    case baselines
    /// HSIC; units are the analysis's work units (inputs and permutation blocks).
    case hsic
}

/// What a job tells its caller while it runs. Calls may come from several threads at once
/// (implementations serialise what they print).
public protocol ProgressReporter: Sendable {
    /// `done` of `total` units of `stage` are finished.
    func report(_ stage: JobStage, done: Int, total: Int)
    /// `stage`, which has no count, has started; the next `report` or the job's end ends it.
    func started(_ stage: JobStage)
}
