/// The trials of a hyperparameter study as the analysis sees them: typed hyperparameters
/// (nil where a conditional one is inactive) and objectives (nil where a trial reported no
/// value: it failed, was pruned, or did not record that objective).
public struct TrialTable: Sendable {
    /// Where the trials came from (a path, with the study name for Optuna), for messages.
    public let source: String
    /// One input per hyperparameter; log hyperparameters hold ln of their values.
    public let parameters: [HSICInput]
    public let objectives: [TrialObjective]
    /// A label per trial (its id or number), for reports.
    public let labels: [String]

    /// - Precondition: every column has one entry per label.
    public init(source: String, parameters: [HSICInput], objectives: [TrialObjective], labels: [String]) {
        precondition(objectives.allSatisfy { $0.values.count == labels.count }, "one value per trial")
        self.source = source
        self.parameters = parameters
        self.objectives = objectives
        self.labels = labels
    }

    /// Number of trials.
    public var rowCount: Int { labels.count }
}

/// One objective of the trials, with the direction that is better.
public struct TrialObjective: Sendable {
    public let name: String
    public let direction: Direction
    /// nil where the trial has no value.
    public let values: [Double?]
    /// Where a trial without a value was stopped early (pruned): the last value it reported
    /// and its step; nil for the others.
    public let stopped: [StoppedEarly?]
    /// True for a trial that was stopped early (pruned), with or without a report of this
    /// objective: without one it is not read (it has no value of its own, nor a failure).
    public let pruned: [Bool]

    /// - Precondition: `stopped` and `pruned` are empty or have one entry per value.
    public init(name: String, direction: Direction, values: [Double?], stopped: [StoppedEarly?] = [], pruned: [Bool] = []) {
        precondition((stopped.isEmpty || stopped.count == values.count) && (pruned.isEmpty || pruned.count == values.count),
                     "one entry per trial")
        self.name = name
        self.direction = direction
        self.values = values
        self.stopped = stopped.isEmpty ? values.map { _ in nil } : stopped
        self.pruned = pruned.isEmpty ? values.map { _ in false } : pruned
    }
}

/// The last report of a trial that was stopped before it finished (pruned).
public struct StoppedEarly: Sendable, Equatable {
    /// The step of its last report (an epoch, say).
    public let step: Int
    /// The objective's value at that step.
    public let value: Double

    public init(step: Int, value: Double) {
        self.step = step
        self.value = value
    }
}

extension TrialTable {
    /// The rows, as labels, on the Pareto front of the objectives `which` (docs/method.md,
    /// "Pareto front"): each maximised objective negated, rows lacking a value left out.
    /// - Complexity: O(n² m).
    public func paretoFront(_ which: [Int]) -> [String] {
        let rows = labels.indices.filter { r in which.allSatisfy { objectives[$0].values[r]?.isFinite ?? false } }
        let points = rows.map { r in which.map { k in objectives[k].direction.loss(objectives[k].values[r] ?? 0) } }
        return zip(rows, ParetoFront.ranks(points)).filter { $0.1 == 0 }.map { labels[$0.0] }
    }
}
