import SlopeCore

extension StageDecision {
    /// `space` with the decision applied: a fixed parameter has its value as its only one, a
    /// narrowed one its new bounds.
    public func applied(to space: ParameterSpace) -> ParameterSpace {
        let changed = space.parameters.map { p -> Parameter in
            guard let choice = choices.first(where: { $0.parameter == p.name }) else { return p }
            if let value = choice.fixed { return Parameter(name: p.name, domain: .values([value]), when: p.when) }
            // A narrowed range inside the spec's (a stored decision is checked when read).
            guard let low = choice.low, let high = choice.high else { return p }
            switch p.domain {
            case let .uniform(lo, hi) where lo <= low && high <= hi:
                return Parameter(name: p.name, domain: .uniform(min: low, max: high), when: p.when)
            case let .logUniform(lo, hi) where lo <= low && high <= hi:
                return Parameter(name: p.name, domain: .logUniform(min: low, max: high), when: p.when)
            case let .intUniform(lo, hi) where Double(lo) <= low && high <= Double(hi):
                return Parameter(name: p.name, domain: .intUniform(min: Int(low.rounded(.up)), max: Int(high.rounded(.down))), when: p.when)
            case let .logInt(lo, hi) where Double(lo) <= low && high <= Double(hi):
                return Parameter(name: p.name, domain: .logInt(min: Int(low.rounded(.up)), max: Int(high.rounded(.down))), when: p.when)
            case let .quantized(lo, hi, q) where lo <= low && high <= hi && (low / q).rounded(.up) <= (high / q).rounded(.down):
                return Parameter(name: p.name, domain: .quantized(min: low, max: high, q: q), when: p.when)
            default:
                return p
            }
        }
        // The conditions are those of `space`, already checked acyclic.
        return (try? ParameterSpace(parameters: changed)) ?? space
    }

    /// The decision as a JSON object (the store's `decision` column).
    public var json: String {
        func number(_ x: Double?) -> String { x.map { $0.isFinite ? "\($0)" : "null" } ?? "null" }
        let rows = choices.map { c in
            JSONText.object([("parameter", JSONText.quoted(c.parameter)), ("p", number(c.pValue)), ("p_raw", number(c.pRaw)),
                             ("fixed", c.fixed?.json ?? "null"), ("low", number(c.low)), ("high", number(c.high))])
        }
        return JSONText.object([("stage", "\(stage)"), ("objective", JSONText.quoted(objective)), ("trials", "\(trials)"),
                                ("goal", "\(goal)"), ("alpha", "\(alpha)"), ("choices", "[" + rows.joined(separator: ",") + "]")])
    }

    /// A stored decision, typed by `space`.
    /// - Throws: `SlopeError.store` naming `source` when `json` is not a decision.
    package static func decode(_ json: String, space: ParameterSpace, source: String) throws -> StageDecision {
        func fail() -> SlopeError { .store(file: source, reason: "a stage decision is not readable: \(Shown.bare(json, limit: 80))", problem: .damaged) }
        guard let top = JSONValue.parse(json)?.pairs else { throw fail() }
        func field(_ pairs: [(key: String, value: JSONValue)], _ key: String) -> JSONValue? { pairs.first { $0.key == key }?.value }
        guard let stage = field(top, "stage")?.double.flatMap({ Int(exactly: $0) }), stage >= 0,
              case let .string(objective)? = field(top, "objective"),
              let trials = field(top, "trials")?.double.flatMap({ Int(exactly: $0) }),
              let goal = field(top, "goal")?.double,
              let alpha = field(top, "alpha")?.double,
              case let .array(rows)? = field(top, "choices") else { throw fail() }
        let choices = try rows.map { row -> Choice in
            guard let pairs = row.pairs, case let .string(name)? = field(pairs, "parameter"),
                  let parameter = space.parameter(named: name) else { throw fail() }
            let fixed = field(pairs, "fixed").flatMap { $0 == .null ? nil : parameter.domain.typed($0) }
            let low = field(pairs, "low")?.double, high = field(pairs, "high")?.double
            if let low, let high, !(low.isFinite && high.isFinite && low <= high) { throw fail() }
            return Choice(parameter: name, pValue: field(pairs, "p")?.double, pRaw: field(pairs, "p_raw")?.double,
                          fixed: fixed, low: low, high: high)
        }
        return StageDecision(stage: stage, objective: objective, trials: trials, goal: goal, alpha: alpha, choices: choices)
    }
}
