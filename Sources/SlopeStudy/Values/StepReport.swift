import SlopeCore

/// One intermediate report of a running trial: the numbers it printed for one step (an epoch,
/// an evaluation) as a stdout line `{"step": 3, "error": 0.41}` (README, "trial contract").
public struct StepReport: Sendable, Equatable {
    /// The step, a whole number >= 0.
    public let step: Int
    /// The finite numbers of the line, without `step`.
    public let metrics: TrialMetrics
    /// The names whose value was not a finite number (null, text, NaN written as null): a
    /// training that diverged, as the pruner reads it.
    public let notFinite: [String]

    public init(step: Int, metrics: TrialMetrics, notFinite: [String] = []) {
        self.step = step
        self.metrics = metrics
        self.notFinite = notFinite
    }

    /// The key that makes a JSON object line a step report.
    public static let stepKey = "step"

    /// The report a stdout line holds: a JSON object with `"step"` a whole number >= 0; nil
    /// for any other line.
    public static func parse<S: StringProtocol>(_ line: S) -> StepReport? {
        // Most lines are the child's own: parsed only when they may hold the key.
        guard line.contains(stepKey) || line.contains("\\u"), let pairs = JSONValue.parse(String(line))?.pairs,
              let step = pairs.first(where: { $0.key == stepKey })?.value.wholeNumber, step >= 0 else { return nil }
        return StepReport(step: step, pairs: pairs.filter { $0.key != stepKey })
    }

    /// The report of `step` made of a JSON object's pairs: the finite numbers, and the names
    /// of the other values.
    init(step: Int, pairs: [(key: String, value: JSONValue)]) {
        let metrics = TrialMetrics(finiteNumbersOf: pairs)
        self.init(step: step, metrics: metrics, notFinite: Array(Set(pairs.map(\.key)).subtracting(metrics.names)).sorted())
    }

    /// The value this report gives `objective`: its number, NaN when it reported the name
    /// without a finite number, nil when it did not report it.
    public func value(of objective: String) -> Double? {
        if let x = metrics[objective] { return x }
        return notFinite.contains(objective) ? .nan : nil
    }
}

extension StepReport {
    /// As stored (without the step, which has a column): a JSON object of the numbers, sorted,
    /// then the names without a finite number as null.
    public var json: String {
        JSONText.object(metrics.values.map { ($0.name, "\($0.value)") } + notFinite.map { ($0, "null") })
    }

    /// The report of `step` whose numbers are the JSON object `json`.
    /// - Throws: `SlopeError.store` naming `source` when `json` is not a JSON object.
    public static func decode(step: Int, _ json: String, source: String) throws -> StepReport {
        guard let pairs = JSONValue.parse(json)?.pairs else {
            throw SlopeError.store(file: source, reason: "a step report of step \(step) is not a JSON object: \(json.prefix(60))", problem: .damaged)
        }
        return StepReport(step: step, pairs: pairs)
    }
}
