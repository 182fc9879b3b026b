import SlopeCore

/// One hyperparameter of a study: its name, its domain and, for a conditional parameter, when
/// it is active.
public struct Parameter: Hashable, Sendable, Encodable {
    public let name: String
    public let domain: Domain
    /// For each named parameter, the values under which this one is active (all must hold);
    /// empty for an unconditional parameter.
    public let when: [Condition]

    public init(name: String, domain: Domain, when: [Condition] = []) {
        self.name = name
        self.domain = domain
        self.when = when
    }
}

/// "Active when `parameter` is active and takes one of `values`."
public struct Condition: Hashable, Sendable, Encodable {
    public let parameter: String
    public let values: [ParameterValue]

    public init(parameter: String, values: [ParameterValue]) {
        self.parameter = parameter
        self.values = values
    }
}
