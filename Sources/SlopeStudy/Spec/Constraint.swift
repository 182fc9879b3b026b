/// A bound on a number each trial records (`constraints:`; docs/method.md, "TPE"): an
/// objective, another reported metric, `wall_time_s` or `peak_rss_bytes`. TPE counts a trial
/// outside its bounds (or without the number) as infeasible: bad, after every feasible trial.
public struct Constraint: Hashable, Sendable, Encodable {
    public let name: String
    public let min: Double?
    public let max: Double?

    public init(name: String, min: Double? = nil, max: Double? = nil) {
        self.name = name
        self.min = min
        self.max = max
    }

    /// How far `trial` lies outside the bounds, in units of the bound (|bound|, or 1 for a
    /// bound of 0); 0 inside, infinite when the trial lacks the number.
    public func violation(_ trial: TrialObservation) -> Double {
        guard let value = trial.value(of: name), value.isFinite else { return .infinity }
        func scale(_ bound: Double) -> Double { bound == 0 ? 1 : abs(bound) }
        var v = 0.0
        if let max, value > max { v += (value - max) / scale(max) }
        if let min, value < min { v += (min - value) / scale(min) }
        return v
    }
}
