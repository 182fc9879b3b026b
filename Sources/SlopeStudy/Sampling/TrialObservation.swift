/// A trial as the samplers and the analysis see it: where it was placed, what it reported and
/// how far it got, without the store's bookkeeping (worker, attempts, times, stderr). The
/// history a proposal reads is a list of these (docs/distributed.md, "Claims").
public struct TrialObservation: Sendable, Equatable {
    /// 1 ... trials, in the order the sampler produced them.
    public let id: Int
    /// The stage the trial belongs to (0 for a study without stages).
    public let stage: Int
    /// How the parameters were chosen; nil in stores of earlier versions (the study's sampler).
    public let placement: Placement?
    /// The active parameters, in spec order (empty while a trial awaits its proposal).
    public let parameters: TrialParameters
    public let state: TrialState
    /// Every number the trial reported; nil until done. A pruned trial's are those of its last
    /// step report.
    public let metrics: TrialMetrics?
    /// The step a pruned trial was stopped at (its last report); nil for other trials.
    public let lastStep: Int?
    /// Seconds the trial ran (measured by the runner).
    public let wallTime: Double?
    /// The trial's peak resident memory, bytes.
    public let peakRSS: Int?

    public init(id: Int, stage: Int, placement: Placement?, parameters: TrialParameters, state: TrialState,
                metrics: TrialMetrics?, wallTime: Double?, peakRSS: Int?, lastStep: Int? = nil) {
        self.id = id
        self.stage = stage
        self.placement = placement
        self.parameters = parameters
        self.state = state
        self.metrics = metrics
        self.lastStep = lastStep
        self.wallTime = wallTime
        self.peakRSS = peakRSS
    }

    /// The value of the metric `name`, when the trial reported it.
    public func metric(_ name: String) -> Double? { metrics?[name] }

    /// The value of an objective or of a measured cost (`wall_time_s`, `peak_rss_bytes`).
    public func value(of name: String) -> Double? {
        switch name {
        case RecordedObjective.wallTime: return wallTime
        case RecordedObjective.peakMemory: return peakRSS.map(Double.init)
        default: return metric(name)
        }
    }

    /// How the parameters were chosen, where a store of an earlier version did not say: the
    /// study's sampler.
    public func placement(in spec: StudySpec) -> Placement { placement ?? spec.sampler.spaceFilling }

    /// True while the trial waits for parameters chosen when it is claimed (TPE's, or a
    /// point in a space that a stage's `reduce:` decides).
    public var awaitsProposal: Bool { placement != nil && parameters.entries.isEmpty }
}
