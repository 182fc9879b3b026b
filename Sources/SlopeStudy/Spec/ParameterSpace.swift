import SlopeCore

/// The hyperparameters of a study, in the spec's order, with the rule that turns a point of
/// the unit cube into the active parameters of one trial.
public struct ParameterSpace: Hashable, Sendable, Encodable {
    public let parameters: [Parameter]

    /// The parameters in an order where each condition names only earlier ones; the spec
    /// reader has checked that the conditions are acyclic.
    let evaluationOrder: [Int]

    enum CodingKeys: String, CodingKey { case parameters }

    /// Fails with the name of a parameter whose conditions form a cycle.
    public init(parameters: [Parameter]) throws(CycleError) {
        self.parameters = parameters
        let index = Dictionary(uniqueKeysWithValues: parameters.enumerated().map { ($1.name, $0) })
        var order: [Int] = [], state = Array(repeating: 0, count: parameters.count)  // 1 visiting, 2 done
        func visit(_ i: Int) throws(CycleError) {
            if state[i] == 2 { return }
            if state[i] == 1 { throw CycleError(parameter: parameters[i].name) }
            state[i] = 1
            for c in parameters[i].when { if let j = index[c.parameter] { try visit(j) } }
            state[i] = 2
            order.append(i)
        }
        for i in parameters.indices { try visit(i) }
        evaluationOrder = order
    }

    /// The active parameters at the unit point `u` (one coordinate a parameter, in spec
    /// order), in spec order; an inactive parameter is absent.
    public func values(at u: [Double]) -> [(name: String, value: ParameterValue)] {
        var active: [String: ParameterValue] = [:]
        for i in evaluationOrder {
            let p = parameters[i]
            let on = p.when.allSatisfy { c in active[c.parameter].map(c.values.contains) ?? false }
            if on { active[p.name] = p.domain.value(at: u[i]) }
        }
        return parameters.compactMap { p in active[p.name].map { (p.name, $0) } }
    }

    /// The parameter called `name`.
    public func parameter(named name: String) -> Parameter? { parameters.first { $0.name == name } }
}

/// Conditions that refer back to the parameter itself, directly or through others.
public struct CycleError: Error, Sendable {
    public let parameter: String
}
