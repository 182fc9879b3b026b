import SlopeCore

/// The active hyperparameters of one trial, typed by their domains, in the spec's order
/// (an inactive parameter is absent).
public struct TrialParameters: Sendable, Hashable {
    /// One parameter's value.
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let value: ParameterValue

        public init(name: String, value: ParameterValue) {
            self.name = name
            self.value = value
        }
    }

    public let entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// From (name, value) pairs, in their order.
    public init(_ pairs: [(name: String, value: ParameterValue)]) {
        entries = pairs.map { Entry(name: $0.name, value: $0.value) }
    }

    /// The value of `name`, or nil when it is inactive (or not a parameter).
    public subscript(name: String) -> ParameterValue? { entries.first { $0.name == name }?.value }

    /// As stored and as a trial sees it (`SLOPE_TRIAL_PARAMS`): one JSON object, in order.
    public var json: String { JSONText.object(entries.map { ($0.name, $0.value.json) }) }

    /// The parameters of `space` found in the JSON object `json`, typed by their domains, in
    /// the space's order. Keys that are not parameters are ignored; a value a domain cannot
    /// hold is kept as text.
    /// - Throws: `SlopeError.store` naming `source` when `json` is not a JSON object.
    public static func decode(_ json: String, space: ParameterSpace, source: String) throws -> TrialParameters {
        guard let pairs = JSONValue.parse(json)?.pairs else {
            throw SlopeError.store(file: source, reason: "a trial's parameters are not a JSON object: \(json.prefix(60))", problem: .damaged)
        }
        return TrialParameters(space.parameters.compactMap { p in
            guard let raw = pairs.first(where: { $0.key == p.name })?.value else { return nil }
            return Entry(name: p.name, value: p.domain.typed(raw))
        })
    }
}

extension Domain {
    /// A stored JSON value as this domain's kind of value.
    func typed(_ raw: JSONValue) -> ParameterValue {
        switch self {
        case .uniform, .logUniform, .quantized: return raw.double.map(ParameterValue.real) ?? .text("\(raw)")
        case .intUniform, .logInt: return raw.double.flatMap { Int(exactly: $0) }.map(ParameterValue.integer) ?? .text("\(raw)")
        case let .values(list):
            return list.first { JSONValue.parse($0.json) == raw } ?? .text("\(raw)")
        }
    }
}
