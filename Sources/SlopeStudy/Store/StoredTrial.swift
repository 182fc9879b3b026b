/// One trial as the store holds it.
public struct StoredTrial: Sendable, Equatable {
    /// 1 ... trials, in the order the sampler produced them.
    public let id: Int
    /// The active parameters, in spec order.
    public let parameters: TrialParameters
    /// The seed handed to the trial (`{seed}`, `SLOPE_TRIAL_SEED`).
    public let seed: UInt64
    public let state: TrialState
    /// Every number the trial reported; nil until done.
    public let metrics: TrialMetrics?
    public let wallTime: Double?
    public let peakRSS: Int?
    /// `host:pid` of the process that ran (or runs) the trial.
    public let worker: String?
    public let startedAt: String?
    public let finishedAt: String?
    /// How many times the trial was started.
    public let attempts: Int
    /// Why a failed trial failed, one line.
    public let failure: String?
    /// The last lines of the trial's stderr (failed trials).
    public let stderrTail: String?
    /// How the parameters were chosen; nil in stores of earlier versions (the study's sampler).
    public let placement: Placement?
    /// The stage the trial belongs to (0 for a study without stages).
    public let stage: Int

    public init(id: Int, parameters: TrialParameters, seed: UInt64, state: TrialState, metrics: TrialMetrics?,
                wallTime: Double?, peakRSS: Int?, worker: String?, startedAt: String?, finishedAt: String?,
                attempts: Int, failure: String?, stderrTail: String?, placement: Placement? = nil, stage: Int = 0) {
        self.id = id
        self.parameters = parameters
        self.seed = seed
        self.state = state
        self.metrics = metrics
        self.wallTime = wallTime
        self.peakRSS = peakRSS
        self.worker = worker
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
        self.failure = failure
        self.stderrTail = stderrTail
        self.placement = placement
        self.stage = stage
    }

    /// How the parameters were chosen, where a store of an earlier version did not say: the
    /// study's sampler.
    public func placement(in spec: StudySpec) -> Placement { placement ?? spec.sampler.spaceFilling }

    /// True while the trial waits for parameters chosen when it is claimed (TPE's, or a
    /// point in a space that a stage's `reduce:` decides).
    public var awaitsProposal: Bool { placement != nil && parameters.entries.isEmpty }

    /// Why a failed trial failed with the last line of its stderr: "exit status 1: no GPU found".
    public var failureLine: String {
        let last = stderrTail?.split(whereSeparator: \.isNewline).last.map { ": \($0)" } ?? ""
        return (failure ?? "unknown") + last
    }

    /// The value of the metric `name`, when the trial reported it.
    public func metric(_ name: String) -> Double? { metrics?[name] }
}
