/// One view of the objective that goal-level evidence measures a hyperparameter against
/// (docs/method.md, "Goal-level evidence").
public enum EvidenceComponent: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Target HSIC against the best `fraction` of the trials (Novello et al. 2023).
    case goal(Double)
    /// Target HSIC averaged over every goal set of the ranking (a kernel on the objective's ranks).
    case ranked

    /// The goal fraction of a goal level; nil for `.ranked`.
    public var fraction: Double? {
        if case .goal(let fraction) = self { return fraction }
        return nil
    }

    /// The fraction of the first component when it is a goal level, else 0.
    public static func referenceGoal(_ components: [EvidenceComponent]) -> Double {
        components.first?.fraction ?? 0
    }

    /// "goal 0.25", "ranked".
    public var description: String {
        switch self {
        case .goal(let fraction): return "goal \(fraction)"
        case .ranked: return "ranked"
        }
    }
}

/// What one component says of one hyperparameter.
public struct ComponentIndex: Sendable {
    /// HSIC_V of the hyperparameter's kernel against the component's output kernel; nil where
    /// the component is not defined on the hyperparameter's rows.
    public internal(set) var hsic: Double?
    /// HSIC / √(HSIC(X, X) HSIC(Z, Z)).
    public internal(set) var r2HSIC: Double?
    /// Gretton et al.'s gamma p-value (goal levels only).
    public internal(set) var pGamma: Double?
    /// (1 + #{HSIC_b ≥ HSIC}) / (1 + B) over the shared permutations.
    public internal(set) var pPermutation: Double?
}

/// The evidence that one hyperparameter matters for an objective: each component's index,
/// and one p-value that combines them.
public struct ParameterEvidence: Sendable {
    public let name: String
    public let kind: InputKind?
    /// The trials it was measured on (those where it is active).
    public let rows: Int
    /// One per component of the evidence, in its order (empty when skipped, see `note`).
    public internal(set) var components: [ComponentIndex] = []
    /// The combined p-value, before adjustment: the permutation p-value of the Cauchy
    /// combination of the components' permutation p-values, calibrated by the same
    /// permutations (exact under the null: the objective independent of the hyperparameter);
    /// with one component, that component's p-value.
    public internal(set) var pCombined: Double?
    /// `pCombined` adjusted for the other hyperparameters of the objective.
    public internal(set) var pAdjusted: Double?
    /// The component with the smallest p-value (the largest standardised statistic on a tie).
    public internal(set) var carrier: Int?
    /// The largest standardised statistic (HSIC minus its permutation mean, over its
    /// permutation standard deviation) over the components: orders hyperparameters whose
    /// p-values tie at the floor 1/(1 + B).
    public internal(set) var score: Double?
    /// Bootstrap percentile intervals of HSIC and R2-HSIC at the first goal level.
    public internal(set) var hsicInterval: Interval?
    public internal(set) var r2Interval: Interval?
    /// Why it was skipped (constant on its rows, too few rows, a goal set that does not split).
    public internal(set) var note: String?

    init(name: String, kind: InputKind?, rows: Int, note: String? = nil) {
        self.name = name
        self.kind = kind
        self.rows = rows
        self.note = note
    }

    /// The p-value to judge it by: adjusted when it was, else combined.
    public var pValue: Double? { pAdjusted ?? pCombined }

    /// What component `k` says of it; nil when it was skipped.
    public func component(_ k: Int) -> ComponentIndex? { k < components.count ? components[k] : nil }
}

/// Goal-level evidence for one objective: target HSIC of every hyperparameter at several goal
/// levels and over the whole ranking, combined into one p-value each (docs/method.md,
/// "Goal-level evidence").
public struct GoalEvidence: Sendable {
    public let components: [EvidenceComponent]
    /// Per component, on all the analysed trials: the goal threshold and how many trials
    /// reach it (nil for `.ranked`).
    public let thresholds: [Double?]
    public let goalCounts: [Int?]
    public let permutations: Int
    public let bootstrap: Int
    public let confidence: Double
    /// One per hyperparameter, in the table's order.
    public internal(set) var parameters: [ParameterEvidence]

    /// The hyperparameters by evidence: combined p-value ascending, then score descending;
    /// skipped ones last.
    public var ranked: [ParameterEvidence] {
        parameters.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            let (px, py) = (x.pCombined ?? .infinity, y.pCombined ?? .infinity)
            if px != py { return px < py }
            let (sx, sy) = (x.score ?? -.infinity, y.score ?? -.infinity)
            return sx != sy ? sx > sy : a.offset < b.offset
        }.map(\.element)
    }

    /// The hyperparameters whose p-value (adjusted when it was) is at most `alpha`, ranked.
    public func significant(at alpha: Double) -> [String] {
        ranked.filter { ($0.pValue ?? 1) <= alpha }.map(\.name)
    }

    /// Adjusts the combined p-values by `method` as one family, the raw ones kept.
    mutating func adjust(by method: PValueAdjustment) {
        guard method != .none else { return }
        let tested = parameters.indices.filter { parameters[$0].pCombined != nil }
        for (k, p) in zip(tested, method.adjust(tested.map { parameters[$0].pCombined! })) {
            parameters[k].pAdjusted = p
        }
    }
}
