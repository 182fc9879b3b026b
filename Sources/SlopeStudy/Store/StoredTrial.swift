/// One trial as the store holds it.
public struct StoredTrial: Sendable, Equatable {
    /// 1 ... trials, in the order the sampler produced them.
    public let id: Int
    /// The active parameters as a JSON object (inactive ones absent), in spec order.
    public let parametersJSON: String
    /// The seed handed to the trial (`{seed}`, `SLOPE_TRIAL_SEED`).
    public let seed: UInt64
    public let state: TrialState
    /// Every number the trial reported, as a JSON object (sorted keys); nil until done.
    public let metricsJSON: String?
    public let wallTime: Double?
    public let peakRSS: Int?
    /// `host:pid` of the process that ran (or runs) the trial.
    public let worker: String?
    public let startedAt: String?
    public let finishedAt: String?
    /// How many times the trial was started.
    public let attempts: Int
    /// Why a failed trial failed, one line.
    public let failure: String?
    /// The last lines of the trial's stderr (failed trials).
    public let stderrTail: String?

    /// The reported metrics as numbers.
    public var metrics: [String: Double] { metricsJSON.map(Self.numbers) ?? [:] }

    /// The numbers of a JSON object.
    static func numbers(_ json: String) -> [String: Double] {
        let pairs = JSONValue.parse(json)?.pairs ?? []
        return Dictionary(pairs.compactMap { p in p.value.double.map { (p.key, $0) } }) { a, _ in a }
    }
}
