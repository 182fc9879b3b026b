/// One trial as the store holds it: what the samplers see of it (`observation`) and the
/// store's bookkeeping (seed, worker, times, attempts, why it failed).
public struct StoredTrial: Sendable, Equatable {
    /// The trial as samplers and the analysis see it.
    public let observation: TrialObservation
    /// The seed handed to the trial (`{seed}`, `SLOPE_TRIAL_SEED`).
    public let seed: UInt64
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

    public init(id: Int, parameters: TrialParameters, seed: UInt64, state: TrialState, metrics: TrialMetrics?,
                wallTime: Double?, peakRSS: Int?, worker: String?, startedAt: String?, finishedAt: String?,
                attempts: Int, failure: String?, stderrTail: String?, placement: Placement? = nil, stage: Int = 0,
                lastStep: Int? = nil) {
        observation = TrialObservation(id: id, stage: stage, placement: placement, parameters: parameters, state: state,
                                       metrics: metrics, wallTime: wallTime, peakRSS: peakRSS, lastStep: lastStep)
        self.seed = seed
        self.worker = worker
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
        self.failure = failure
        self.stderrTail = stderrTail
    }

    /// 1 ... trials, in the order the sampler produced them.
    public var id: Int { observation.id }
    /// The active parameters, in spec order.
    public var parameters: TrialParameters { observation.parameters }
    public var state: TrialState { observation.state }
    /// Every number the trial reported; nil until done.
    public var metrics: TrialMetrics? { observation.metrics }
    /// The step a pruned trial was stopped at.
    public var lastStep: Int? { observation.lastStep }
    public var wallTime: Double? { observation.wallTime }
    public var peakRSS: Int? { observation.peakRSS }
    /// How the parameters were chosen; nil in stores of earlier versions (the study's sampler).
    public var placement: Placement? { observation.placement }
    /// The stage the trial belongs to (0 for a study without stages).
    public var stage: Int { observation.stage }

    /// How the parameters were chosen, where a store of an earlier version did not say.
    public func placement(in spec: StudySpec) -> Placement { observation.placement(in: spec) }

    /// True while the trial waits for parameters chosen when it is claimed.
    public var awaitsProposal: Bool { observation.awaitsProposal }

    /// Why a failed trial failed with the last line of its stderr: "exit status 1: no GPU found".
    public var failureLine: String {
        let last = stderrTail?.split(whereSeparator: \.isNewline).last.map { ": \($0)" } ?? ""
        return (failure ?? "unknown") + last
    }

    /// The value of the metric `name`, when the trial reported it.
    public func metric(_ name: String) -> Double? { observation.metric(name) }

    /// The value of an objective or of a measured cost (`wall_time_s`, `peak_rss_bytes`).
    public func value(of name: String) -> Double? { observation.value(of: name) }
}
