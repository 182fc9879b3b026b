/// Where a study stands: counts by state, the best value of the first objective so far, and
/// an estimate of the time left.
public struct StudyProgress: Sendable, Equatable {
    public var total: Int
    public var done: Int
    public var failed: Int
    /// Trials the study's pruner stopped early.
    public var pruned: Int
    /// The best value of the spec's first objective among done trials.
    public var best: Double?
    /// Seconds left, from the pace of the trials finished in this run; nil before the first.
    public var eta: Double?

    /// Trials finished either way.
    public var finished: Int { done + failed + pruned }

    public init(total: Int, done: Int, failed: Int, pruned: Int = 0, best: Double?, eta: Double?) {
        self.total = total
        self.done = done
        self.failed = failed
        self.pruned = pruned
        self.best = best
        self.eta = eta
    }

    /// The counts and best value of `trials` for `objective`.
    public init(trials: [StoredTrial], objective: Objective) {
        let done = trials.filter { $0.state == .done }
        let values = done.compactMap { $0.metric(objective.name) }
        self.init(total: trials.count, done: done.count, failed: trials.filter { $0.state == .failed }.count,
                  pruned: trials.filter { $0.state == .pruned }.count, best: values.min { objective.isBetter($0, than: $1) }, eta: nil)
    }
}
