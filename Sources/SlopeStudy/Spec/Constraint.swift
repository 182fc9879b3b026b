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

extension Constraint {
    /// The bounds as a reader writes them: "size <= 400", "0.9 <= accuracy".
    public var text: String {
        switch (min, max) {
        case let (low?, high?): return "\(low) <= \(name) <= \(high)"
        case let (low?, nil): return "\(name) >= \(low)"
        case let (nil, high?): return "\(name) <= \(high)"
        case (nil, nil): return name
        }
    }
}

extension StudySpec {
    /// True when `trial` lies within every constraint's bounds.
    public func isFeasible(_ trial: TrialObservation) -> Bool { constraints.allSatisfy { $0.violation(trial) == 0 } }

    /// The constraints on a number that no done trial reported: every trial then breaks them,
    /// which is most often a misspelt metric name (empty before any trial is done).
    public func unreportedConstraints(_ trials: [TrialObservation]) -> [Constraint] {
        let done = trials.filter { $0.state == .done }
        guard !done.isEmpty else { return [] }
        return constraints.filter { c in !done.contains { $0.value(of: c.name)?.isFinite ?? false } }
    }
}
