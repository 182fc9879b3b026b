import SlopeCore

/// A study's state as `slope study status` shows it.
public struct StudyOverview: Sendable {
    /// The best finished trial for one objective.
    public struct Best: Sendable {
        public let objective: Objective
        public let trial: Int
        public let value: Double
        /// The trial's active parameters, in the spec's order.
        public let parameters: TrialParameters
    }

    public let spec: StudySpec
    /// When the study was created (ISO 8601, UTC).
    public let createdAt: String
    public let trials: [StoredTrial]
    /// One entry per objective some trial within the constraints reached, in the spec's order.
    public let best: [Best]
    /// The workers that claimed trials (alive: a live lease, or a live process on this host).
    public let workers: [WorkerRecord]
    /// What the stages' `reduce:` decided, by stage.
    public let decisions: [StageDecision]
    /// The ids of the trials on the Pareto front of the spec's objectives.
    public let pareto: [Int]

    /// How many trials are in `state`.
    public func count(_ state: TrialState) -> Int { trials.filter { $0.state == state }.count }

    /// True for a study with a pruner or pruned trials (an imported one): its outputs show
    /// pruned counts and last steps; others keep the columns and keys of earlier versions.
    public var showsPruning: Bool { spec.pruner != nil || trials.contains { $0.state == .pruned } }
}

/// Everything `slope study status` (and `export`) needs: which store and study, and how long
/// a lease lasts when telling live workers from gone ones. Checked when it is made.
public struct StudyStatusRequest: Sendable {
    /// A store file, or a location of a kind `opener` knows (a PostgreSQL URL).
    public let store: String
    /// The study, where a database holds several (nil: the only one).
    public let study: String?
    /// Seconds without a heartbeat after which a worker's lease counts as expired.
    public let lease: Double
    public let opener: StoreOpener

    /// - Throws: `SlopeError.invalidSetting` for a lease that is not a positive number of seconds.
    public init(store: String, study: String? = nil, lease: Double = 60, opener: StoreOpener = .files) throws(SlopeError) {
        guard lease > 0 && lease.isFinite else { throw SlopeError.invalidSetting(.lease, reason: "must be a positive number of seconds") }
        self.store = store
        self.study = study
        self.lease = lease
        self.opener = opener
    }
}

/// `slope study status` (and `export`) as library calls: read a store without changing it.
public enum StudyStatusJob {
    /// The study in the request's store, its best trials within the constraints, its workers
    /// and stage decisions.
    /// - Throws: `SlopeError.store` when the store cannot be read or holds no study.
    /// - Complexity: O(trials · parameters).
    public static func run(_ request: StudyStatusRequest, context: JobContext = JobContext()) async throws(SlopeError) -> StudyOverview {
        try await context.perform { _ in
            let store = try await request.opener.reading(request.store, study: request.study)
            return try await store.closing { try await overview(of: $0, lease: request.lease) }
        }
    }

    /// The overview of the study in an open `store` (which stays open).
    public static func overview(of store: any StudyStore, lease: Double) async throws -> StudyOverview {
        let (study, workers) = (try await StoredStudy(store: store), try await store.workers(lease: lease))
        // Done trials only: a pruned trial's numbers are a step report, not a result.
        let feasible = study.trials.filter { $0.state == .done && study.spec.isFeasible($0.observation) }
        let best = study.spec.objectives.compactMap { objective -> StudyOverview.Best? in
            let done = feasible.compactMap { t in t.metric(objective.name).map { (t, $0) } }
            guard let (trial, value) = done.min(by: { objective.isBetter($0.1, than: $1.1) }) else { return nil }
            return StudyOverview.Best(objective: objective, trial: trial.id, value: value, parameters: trial.parameters)
        }
        return StudyOverview(spec: study.spec, createdAt: study.createdAt, trials: study.trials, best: best,
                             workers: workers, decisions: study.decisions,
                             pareto: study.spec.paretoFront(study.trials.map(\.observation)))
    }
}
