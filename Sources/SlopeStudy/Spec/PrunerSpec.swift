import Foundation

/// The study's pruner as its spec gives it (`pruner:`): which rule stops a running trial
/// early from its step reports, with the rule's settings (docs/method.md, "Pruning").
public struct PrunerSpec: Hashable, Sendable, Encodable {
    /// The rule: the median of completed trials at the same step (Optuna's MedianPruner),
    /// asynchronous successive halving (ASHA, Optuna's SuccessiveHalvingPruner), Hyperband
    /// (several ASHA brackets, Optuna's HyperbandPruner), or fixed bounds that stop a training
    /// gone astray: a report that is not a number or lies outside them (Optuna's
    /// ThresholdPruner).
    public enum Kind: String, Hashable, Sendable, Encodable, CaseIterable {
        case median, asha, hyperband, threshold
    }

    public var kind: Kind
    /// median: trials done before any is pruned.
    public var startupTrials = 5
    /// median, threshold: steps before which a trial is never pruned.
    public var warmupSteps = 0
    /// threshold: a report below `lower` or above `upper` stops the trial (at least one given).
    public var lower: Double?
    public var upper: Double?
    /// asha, hyperband: the step of the first rung (the least resource a trial gets).
    public var minStep = 1
    /// hyperband: the most steps a trial runs; sets the number of brackets.
    public var maxStep: Int?
    /// asha, hyperband: 1 in `reductionFactor` trials goes on at each rung.
    public var reductionFactor: Int
    /// Seconds between SIGTERM and SIGKILL of a pruned trial's process group: how a study
    /// runs, not what it is, so not part of its identity.
    public var grace = 5.0

    /// The default settings of `kind`.
    public init(kind: Kind) {
        self.kind = kind
        reductionFactor = kind == .asha ? 4 : 3
    }

    /// The settings keys each kind reads (besides `kind` and `grace`).
    public static func keys(of kind: Kind) -> [String] {
        switch kind {
        case .median: return ["startup_trials", "warmup_steps"]
        case .asha: return ["min_step", "reduction_factor"]
        case .hyperband: return ["min_step", "max_step", "reduction_factor"]
        case .threshold: return ["lower", "upper", "warmup_steps"]
        }
    }

    /// The kind's own settings, then the grace, by the spec's names: `[("startup_trials",
    /// "5"), ("warmup_steps", "0"), ("grace", "5")]`.
    /// Bounds are written as YAML reads them back (a decimal point before any exponent).
    public var settings: [(key: String, value: String)] {
        func bound(_ x: Double?) -> String? { x.map { SpecWriter.number($0) } }
        let all: [(String, String?)] = [("startup_trials", "\(startupTrials)"), ("warmup_steps", "\(warmupSteps)"), ("min_step", "\(minStep)"),
                                        ("max_step", maxStep.map { "\($0)" }), ("reduction_factor", "\(reductionFactor)"),
                                        ("lower", bound(lower)), ("upper", bound(upper))]
        let own = Self.keys(of: kind)
        return all.compactMap { key, value in value.flatMap { own.contains(key) ? (key, $0) : nil } }
            + [("grace", String(format: "%g", grace))]
    }

    enum CodingKeys: String, CodingKey {
        case kind, startupTrials = "startup_trials", warmupSteps = "warmup_steps", minStep = "min_step", maxStep = "max_step"
        case reductionFactor = "reduction_factor", lower, upper
    }

    /// The kind and its own settings: the pruner's part of the study's identity.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch kind {
        case .median:
            try c.encode(startupTrials, forKey: .startupTrials)
            try c.encode(warmupSteps, forKey: .warmupSteps)
        case .asha, .hyperband:
            try c.encode(minStep, forKey: .minStep)
            try c.encodeIfPresent(maxStep, forKey: .maxStep)
            try c.encode(reductionFactor, forKey: .reductionFactor)
        case .threshold:
            try c.encodeIfPresent(lower, forKey: .lower)
            try c.encodeIfPresent(upper, forKey: .upper)
            try c.encode(warmupSteps, forKey: .warmupSteps)
        }
    }
}
