import SlopeCore

/// A hyperparameter study as its YAML spec describes it (see `SpecReader`).
public struct StudySpec: Hashable, Sendable, Encodable {
    public var name: String
    /// How many trials the study runs (all stages).
    public var trials: Int
    public var seed: UInt64
    /// The sampler of the first stage (of the study, without stages).
    public var sampler: SamplerKind
    /// The stages in order, their trials numbered on (one stage "main" without `stages:`).
    public var stages: [StageSpec]
    /// Bounds TPE steers away from (`constraints:`).
    public var constraints: [Constraint] = []
    /// Parameter sets the user gives (`enqueue:`, Optuna's `enqueue_trial`), checked against the
    /// space: the study's first trials, run before any sampler's.
    public var enqueued: [TrialParameters] = []
    /// The rule that stops running trials early from their step reports (`pruner:`); nil:
    /// every trial runs to its end.
    public var pruner: PrunerSpec?
    /// The metrics each trial reports that the study optimises, in the spec's order.
    public var objectives: [Objective]
    /// What runs a trial.
    public var run: TrialCommand
    /// Seconds after which a trial is stopped and recorded as failed.
    public var timeout: Double?
    /// Starts a trial may have before a lost worker makes it fail (`max_attempts`); how a
    /// study runs, not what it is, so not part of its identity (`fingerprint`).
    public var maxAttempts = StudySpec.defaultMaxAttempts
    /// `max_attempts` when the spec does not say.
    public static let defaultMaxAttempts = 3
    public var space: ParameterSpace
    /// The spec file's folder, where trials run (not part of the study's identity).
    public var folder: String
    /// The YAML as the user wrote it (not part of the study's identity).
    public var source: String

    /// True when some trials are not drawn from the prior: TPE or stages.
    public var isAdaptive: Bool { stages.count > 1 || stages.contains { $0.sampler == .tpe } }

    /// The stage of each trial id (1 ... trials): the index of its stage.
    public func stage(ofTrial id: Int) -> Int {
        var end = 0
        for (k, s) in stages.enumerated() {
            end += s.trials
            if id <= end { return k }
        }
        return stages.count - 1
    }

    /// The first trial id of stage `k`.
    public func firstTrial(ofStage k: Int) -> Int { 1 + stages.prefix(k).map(\.trials).reduce(0, +) }

    /// The first objective: the one the progress line's "best" follows.
    public var primaryObjective: Objective { objectives[0] }

    enum CodingKeys: String, CodingKey { case name, trials, seed, sampler, tpe, stages, constraints, enqueue, pruner, objectives, run, timeout, space }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(trials, forKey: .trials)
        try c.encode(seed, forKey: .seed)
        try c.encode(sampler, forKey: .sampler)
        // TPE's settings and the stages are part of the identity of the studies that have them
        // only: other studies' fingerprints stay as earlier versions wrote them.
        if stages.count > 1 {
            try c.encode(stages, forKey: .stages)
        } else if sampler == .tpe {
            try c.encode(stages[0].tpe, forKey: .tpe)
        }
        if !constraints.isEmpty { try c.encode(constraints, forKey: .constraints) }
        if !enqueued.isEmpty { try c.encode(enqueued.map(\.json), forKey: .enqueue) }
        try c.encodeIfPresent(pruner, forKey: .pruner)
        try c.encode(objectives, forKey: .objectives)
        try c.encode(run, forKey: .run)
        try c.encodeIfPresent(timeout, forKey: .timeout)
        try c.encode(space, forKey: .space)
    }

    public init(name: String, trials: Int, seed: UInt64, sampler: SamplerKind, objectives: [Objective],
                run: TrialCommand, timeout: Double?, space: ParameterSpace, folder: String, source: String) {
        self.name = name
        self.trials = trials
        self.seed = seed
        self.sampler = sampler
        self.stages = [StageSpec(name: "main", trials: trials, sampler: sampler)]
        self.objectives = objectives
        self.run = run
        self.timeout = timeout
        self.space = space
        self.folder = folder
        self.source = source
    }
}

/// A metric to minimise or maximise.
public struct Objective: Hashable, Sendable, Encodable {
    public let name: String
    public let direction: Direction

    public init(name: String, direction: Direction) {
        self.name = name
        self.direction = direction
    }

    /// True when `a` is a better value than `b`.
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        direction.isBetter(a, than: b)
    }
}

/// What runs one trial: a command template, or one of slope's own trainers.
public enum TrialCommand: Hashable, Sendable, Encodable {
    /// A program and its arguments, with `{args}`, `{name}`, `{seed}` and `{id}` placeholders.
    case command([String])
    /// `slope <trainer> <arguments> {args} --seed={seed}`, run as a child like any command.
    case trainer(name: String, arguments: [String])

    /// The command template, with `slope` standing for the running slope executable.
    public func template(slopeExecutable: String) -> [String] {
        switch self {
        case let .command(tokens): return tokens
        case let .trainer(name, arguments): return [slopeExecutable, name] + arguments + ["{args}", TrialArgument.named("seed", "{seed}")]
        }
    }
}
