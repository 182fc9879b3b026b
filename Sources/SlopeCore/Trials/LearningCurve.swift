/// One trial's learning curve of one objective: the values it reported at its steps (README,
/// "the trial contract"), and whether a pruner stopped it there.
public struct LearningCurve: Sendable, Equatable {
    /// The trial's label (its id in a study).
    public let label: String
    /// The objective (or metric) the values are of.
    public let objective: String
    /// Steps, increasing, and the value at each (NaN where the report had no finite value).
    public let steps: [Int]
    public let values: [Double]
    /// True when the trial was pruned after its last step here.
    public let pruned: Bool

    /// - Precondition: as many steps as values.
    public init(label: String, objective: String, steps: [Int], values: [Double], pruned: Bool) {
        precondition(steps.count == values.count, "one value a step")
        self.label = label
        self.objective = objective
        self.steps = steps
        self.values = values
        self.pruned = pruned
    }
}
