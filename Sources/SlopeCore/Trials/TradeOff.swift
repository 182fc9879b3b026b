/// A hyperparameter that moves two objectives in opposite directions (one better, the other
/// worse), both significantly by Spearman's ρ.
public struct TradeOff: Sendable, Equatable {
    public let parameter: String
    /// The objective that improves as the parameter grows, and the one that worsens.
    public let improves: String
    public let worsens: String
    /// Spearman's ρ of the parameter with each.
    public let rhoImproves: Double
    public let rhoWorsens: Double

    /// Every trade-off among `objectives` of the parameters `names`.
    static func find(_ objectives: [ObjectiveAnalysis], names: [String], alpha: Double) -> [TradeOff] {
        var found: [TradeOff] = []
        for (i, name) in names.enumerated() {
            // ρ signed so that positive means "a larger value is better for this objective".
            let gains = objectives.map { o -> (String, Double, Double)? in
                guard let test = o.spearman[i].test, test.p <= alpha, test.coefficient != 0 else { return nil }
                return (o.objective, test.coefficient, o.direction == .minimize ? -test.coefficient : test.coefficient)
            }
            for a in gains.indices {
                for b in gains.indices where b > a {
                    guard let x = gains[a], let z = gains[b], x.2 * z.2 < 0 else { continue }
                    let (up, down) = x.2 > 0 ? (x, z) : (z, x)
                    found.append(TradeOff(parameter: name, improves: up.0, worsens: down.0, rhoImproves: up.1, rhoWorsens: down.1))
                }
            }
        }
        return found
    }
}
