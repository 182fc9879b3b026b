import SlopeCore

extension StoredTrial {
    /// The failure of a trial whose worker was lost `attempts` times (every store words it so).
    package static func lostTooOften(_ attempts: Int) -> String {
        "its worker was lost \(attempts) times (max_attempts \(attempts))"
    }

    /// A trial from a store's cells, checked: a known state, a seed and counts that are not
    /// negative, parameters and metrics that decode. `source` names the store in errors.
    package static func checked(id: Int, parameters: String, seed: Int64, state stateName: String, metrics: String?,
                        wallTime: Double?, peakRSS: Int?, worker: String?, startedAt: String?, finishedAt: String?,
                        attempts: Int, failure: String?, stderrTail: String?, placement placementName: String?, stage: Int,
                        lastStep: Int? = nil, space: ParameterSpace, source: String) throws -> StoredTrial {
        guard let seed = UInt64(exactly: seed) else {
            throw SlopeError.store(file: source, reason: "trial \(id): the seed \(seed) is negative", problem: .damaged)
        }
        guard let state = TrialState(rawValue: stateName) else {
            throw SlopeError.store(file: source, reason: "trial \(id): unknown state \(Shown.quoted(stateName))", problem: .damaged)
        }
        let placement = try placementName.map { name in
            guard let p = Placement(rawValue: name) else {
                throw SlopeError.store(file: source, reason: "trial \(id): unknown placed_by \(Shown.quoted(name))", problem: .damaged)
            }
            return p
        }
        guard attempts >= 0, stage >= 0, (peakRSS ?? 0) >= 0, (lastStep ?? 0) >= 0 else {
            throw SlopeError.store(file: source, reason: "trial \(id): a negative count (attempts \(attempts), peak_rss_bytes \(peakRSS ?? 0), last_step \(lastStep ?? 0))", problem: .damaged)
        }
        return StoredTrial(
            id: id, parameters: try TrialParameters.decode(parameters, space: space, source: source), seed: seed, state: state,
            metrics: try metrics.map { try TrialMetrics.decode($0, source: source) }, wallTime: wallTime, peakRSS: peakRSS,
            worker: worker, startedAt: startedAt, finishedAt: finishedAt, attempts: attempts, failure: failure,
            stderrTail: stderrTail, placement: placement, stage: stage, lastStep: lastStep)
    }
}
