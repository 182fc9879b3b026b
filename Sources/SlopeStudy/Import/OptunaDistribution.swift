import SlopeCore

/// One of Optuna's parameter distributions (its `distribution_json`), current and legacy names:
/// Float/Int/CategoricalDistribution, and Uniform, LogUniform, DiscreteUniform, IntUniform,
/// IntLogUniform from Optuna 2.
struct OptunaDistribution: Equatable {
    enum Form: Equatable {
        case float(low: Double, high: Double, log: Bool, step: Double?)
        case int(low: Int, high: Int, log: Bool, step: Int)
        case categorical([ParameterValue])
    }
    let form: Form

    /// Parses `distribution_json`; nil for an unknown distribution or a malformed one.
    init?(json: String) {
        guard let root = JSONValue.parse(json)?.pairs,
              case let .string(name)? = root.first(where: { $0.key == "name" })?.value,
              let attributes = root.first(where: { $0.key == "attributes" })?.value.pairs else { return nil }
        func number(_ key: String) -> Double? { attributes.first { $0.key == key }?.value.double }
        func flag(_ key: String) -> Bool { attributes.first { $0.key == key }?.value == .bool(true) }
        switch name {
        case "FloatDistribution", "UniformDistribution", "LogUniformDistribution", "DiscreteUniformDistribution":
            guard let low = number("low"), let high = number("high") else { return nil }
            form = .float(low: low, high: high, log: flag("log") || name == "LogUniformDistribution",
                          step: number("step") ?? number("q"))
        case "IntDistribution", "IntUniformDistribution", "IntLogUniformDistribution":
            guard let low = number("low").flatMap({ Int(exactly: $0) }), let high = number("high").flatMap({ Int(exactly: $0) }) else { return nil }
            form = .int(low: low, high: high, log: flag("log") || name == "IntLogUniformDistribution",
                        step: number("step").flatMap { Int(exactly: $0) } ?? 1)
        case "CategoricalDistribution":
            guard case let .array(choices)? = attributes.first(where: { $0.key == "choices" })?.value else { return nil }
            form = .categorical(choices.map { choice in
                switch choice {
                case let .string(s): return .text(s)
                case let .bool(b): return .boolean(b)
                case let .number(text): return Int(text).map(ParameterValue.integer) ?? .real(Double(text) ?? .nan)
                default: return .text("\(choice)")
                }
            })
        default:
            return nil
        }
    }

    /// A value in Optuna's internal representation (`param_value`: the number itself, or the
    /// index of a categorical choice) as the value it stands for.
    func value(internal x: Double) -> ParameterValue? {
        switch form {
        case .float: return .real(x)
        case .int: return Int(exactly: x).map(ParameterValue.integer)
        case let .categorical(choices): return Int(exactly: x).flatMap { choices.indices.contains($0) ? choices[$0] : nil }
        }
    }

    /// The distribution as a slope parameter domain: floats uniform, log-uniform or on a
    /// grid of `step`; integers uniform, log-uniform (as reals) or, with a step, the list of
    /// their values; categorical choices as a list.
    var domain: Domain {
        switch form {
        case let .float(low, high, log, step):
            if log { return .logUniform(min: low, max: high) }
            if let step { return .quantized(min: low, max: high, q: step) }
            return .uniform(min: low, max: high)
        case let .int(low, high, log, step):
            if log { return low >= 1 ? .logInt(min: low, max: high) : .logUniform(min: Double(low), max: Double(high)) }
            if step == 1 { return .intUniform(min: low, max: high) }
            return .values(stride(from: low, through: high, by: max(1, step)).map(ParameterValue.integer))
        case let .categorical(choices):
            return .values(choices)
        }
    }
}
