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
}

/// `slope study status` (and `export`) as library calls: read a store without changing it.
public enum StudyStatusJob {
    /// The study in the store at `path` (a file, or a location of a kind `opener` knows, with
    /// `study` naming the study when a database holds several); workers count as alive under
    /// `lease` seconds.
    /// - Throws: `SlopeError.store` when the file is not a slope store or holds no study.
    /// - Complexity: O(trials · parameters).
    public static func read(store path: String, study name: String? = nil, lease: Double = 60,
                            opener: StoreOpener = .files) async throws -> StudyOverview {
        let store = try await opener.reading(path, study: name)
        let (study, workers) = try await store.closing { store in
            (try await StoredStudy(store: store), try await store.workers(lease: lease))
        }
        let feasible = study.trials.filter { study.spec.isFeasible($0.observation) }
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
