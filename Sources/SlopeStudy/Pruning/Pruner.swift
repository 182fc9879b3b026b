import SlopeCore

/// Decides whether a running trial stops early, from its own step reports of the objective
/// and the other trials' reports at the same step, read from the store, so that decisions
/// hold across workers and hosts (docs/method.md, "Pruning"). The rules are those of
/// Optuna's MedianPruner, SuccessiveHalvingPruner, HyperbandPruner and ThresholdPruner,
/// written anew.
public struct Pruner: Sendable {
    public let spec: PrunerSpec
    /// The objective the trials report as they go: the spec's first.
    public let objective: Objective
    /// Hyperband's brackets; nil for the other rules.
    let brackets: HyperbandBrackets?

    public init(spec: PrunerSpec, objective: Objective, studyName: String) {
        self.spec = spec
        self.objective = objective
        brackets = spec.kind == .hyperband
            ? HyperbandBrackets(minStep: spec.minStep, maxStep: spec.maxStep ?? spec.minStep, reductionFactor: spec.reductionFactor,
                                studyName: studyName)
            : nil
    }

    /// What the store holds at a step (`StudyStore.peers`).
    public typealias Peers = @Sendable (_ step: Int, _ orLater: Bool) async throws -> StepPeers

    /// A running trial's reports of the objective so far (NaN where it reported the name
    /// without a finite number), in step order, and the rungs it has passed.
    public struct Curve: Sendable {
        public private(set) var points: [(step: Int, value: Double)] = []
        /// Successive halving: rungs already passed (each rung is decided once, when the trial
        /// first reaches it, as in ASHA).
        public var rungsPassed = 0
        /// Threshold: the reports already checked against the bounds (each is checked once).
        var checked = 0

        public init() {}

        /// Adds a report (a step later than the last one; others are ignored).
        public mutating func add(step: Int, value: Double) {
            guard points.last.map({ step > $0.step }) ?? true else { return }
            points.append((step, value))
        }
    }

    /// True when trial `id` should stop now, after its last report in `curve`.
    /// - Complexity: one read of `peers` (median), one per rung reached (successive halving),
    ///   none and O(new reports) for fixed bounds.
    public func shouldPrune(trial id: Int, curve: inout Curve, peers: Peers) async throws -> Bool {
        guard let last = curve.points.last else { return false }
        switch spec.kind {
        case .threshold:
            // Every new report past the warm-up, not only the last: reports that arrive
            // together are decided together, and any one out of bounds would have stopped the
            // trial. Each is checked once.
            let new = curve.points[curve.checked...]
            curve.checked = curve.points.count
            return new.contains { p in p.step >= spec.warmupSteps && outOfBounds(p.value) }
        case .median:
            guard last.step >= spec.warmupSteps else { return false }
            let atStep = try await peers(last.step, false)
            guard atStep.done > 0, atStep.done >= spec.startupTrials else { return false }
            let finite = curve.points.map(\.value).filter { !$0.isNaN }
            guard let best = finite.min(by: { objective.isBetter($0, than: $1) }) else { return true }
            let values = atStep.entries.filter { $0.state == .done && $0.trial != id }.compactMap { $0.report.value(of: objective.name) }
            let known = values.filter { !$0.isNaN }
            guard !known.isEmpty else { return false }
            return objective.isBetter(Self.median(known), than: best)
        case .asha, .hyperband:
            let bracket = brackets?.bracket(ofTrial: id)
            while true {
                guard let rungStep = rungStep(curve.rungsPassed + (bracket ?? 0)), last.step >= rungStep,
                      let own = curve.points.first(where: { $0.step >= rungStep }) else { return false }
                if own.value.isNaN { return true }
                let reached = try await peers(rungStep, true).entries.filter { e in
                    e.trial != id && (bracket == nil || brackets?.bracket(ofTrial: e.trial) == bracket)
                }
                let competing = reached.compactMap { $0.report.value(of: objective.name) }.filter { !$0.isNaN } + [own.value]
                guard promotable(own.value, among: competing) else { return true }
                curve.rungsPassed += 1
            }
        }
    }

    /// True for a report that is not a number or lies outside the threshold rule's bounds.
    func outOfBounds(_ value: Double) -> Bool {
        value.isNaN || spec.lower.map { value < $0 } == true || spec.upper.map { value > $0 } == true
    }

    /// The step of rung `k`: min_step · reduction_factor^k; nil past `Int.max`.
    func rungStep(_ k: Int) -> Int? {
        var step = spec.minStep
        for _ in 0..<k {
            let (next, overflow) = step.multipliedReportingOverflow(by: spec.reductionFactor)
            if overflow { return nil }
            step = next
        }
        return step
    }

    /// True when `value` is among the best 1 / reduction_factor of `competing` (which holds
    /// it); while fewer than reduction_factor trials reached the rung, only the best goes on.
    func promotable(_ value: Double, among competing: [Double]) -> Bool {
        let index = max(0, competing.count / spec.reductionFactor - 1)
        let sorted = competing.sorted()
        return objective.direction == .minimize ? value <= sorted[index] : value >= sorted[sorted.count - 1 - index]
    }

    /// The median (the mean of the two middle values of an even count), as numpy's
    /// percentile 50 with linear interpolation.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted(), n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
