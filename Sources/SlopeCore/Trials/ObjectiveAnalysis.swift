/// What decides one objective: goal-level evidence for every hyperparameter (and, when asked,
/// target HSIC of every pair), with Spearman's ρ as the baseline a user knows.
public struct ObjectiveAnalysis: Sendable {
    public let objective: String
    public let direction: Direction
    /// Trials analysed, and how many of them had no value and were given the worst one.
    public let rows: Int
    public let imputed: Int
    /// Trials stopped early (pruned) that the analysis ranked below the completed ones, and
    /// those it left out because their last report reached the loosest goal set.
    public let prunedRanked: Int
    public let prunedLeftOut: Int
    /// Trials stopped early that the analysis of this objective did not read: no value of
    /// their own and no report of it (a measured cost, an objective they did not report).
    public let prunedNotRead: Int
    /// The evidence of every hyperparameter; nil when the objective could not be analysed (see `note`).
    public var evidence: GoalEvidence?
    /// Every pair of hyperparameters at the reference goal level, when asked for.
    public var pairs: [HSICPair] = []
    /// Spearman's ρ of each hyperparameter with the objective on its active rows, in the
    /// order of the table's hyperparameters.
    public let spearman: [SpearmanBaseline]
    public var note: String?

    /// Analyses `objective` of `table`.
    /// - Complexity: that of `HSICAnalysis.run` on the trials with a value (plus imputed ones).
    static func run(_ table: TrialTable, _ objective: TrialObjective, options: StudyAnalysisOptions,
                    progress: ProgressCounter?) -> ObjectiveAnalysis {
        let loosest = options.components.compactMap(\.fraction).max() ?? options.goal
        let target = ObjectiveTarget(objective, missing: options.missing, loosest: loosest)
        let (rows, y) = (target.rows, target.y)
        let inputs = table.parameters.map { $0.restricted(to: rows) }
        let spearman = inputs.map { input -> SpearmanBaseline in
            guard case .real(let values) = input.values else { return SpearmanBaseline(parameter: input.name, test: nil) }
            let active = values.indices.filter { values[$0] != nil }
            return SpearmanBaseline(parameter: input.name,
                                    test: Correlation.spearmanTest(active.map { values[$0]! }, active.map { y[$0] }))
        }
        var analysis = ObjectiveAnalysis(objective: objective.name, direction: objective.direction, rows: rows.count,
                                         imputed: target.imputed, prunedRanked: target.prunedRanked, prunedLeftOut: target.prunedLeftOut,
                                         prunedNotRead: target.prunedNotRead,
                                         spearman: spearman)
        let sample = HSICSample(source: table.source, outputName: objective.name, output: y, inputs: inputs)
        guard Set(y).count > 1 else {
            analysis.note = y.isEmpty ? "no trial has a value for \(objective.name)"
                : "\(SlopeError.constantTarget(file: table.source, name: objective.name))"
            progress?.advance(by: StudyAnalysis.workUnits(parameters: inputs.count, options))
            return analysis
        }
        var evidence = GoalEvidence.measure(sample, direction: objective.direction, settings: options.evidence, progress: progress)
        evidence.adjust(by: options.adjust)
        analysis.evidence = evidence
        if !evidence.parameters.contains(where: { $0.pCombined != nil }) {
            analysis.note = "no hyperparameter could be tested: " + (evidence.parameters.compactMap(\.note).first ?? "none varies")
        }
        if options.pairs {
            do {
                let marginals = evidence.parameters.map { $0.components.first?.hsic }
                analysis.pairs = try HSICAnalysis.pairs(sample, options: options.hsic(direction: objective.direction),
                                                        marginals: marginals, adjust: options.adjust, progress: progress)
            } catch {
                analysis.note = "pairs not measured: \(error)"
            }
        }
        return analysis
    }

    /// Fewer trials in the goal set than this leave the p-values little to work with.
    public static let smallGoalSet = 10

    /// When every component is a goal level and each goal set holds fewer than `smallGoalSet`
    /// trials: how many the largest holds, and the smallest goal fraction (two decimals,
    /// rounded up) that would put that many in it.
    public var smallGoal: (count: Int, fraction: Double)? {
        guard let evidence, !evidence.components.contains(.ranked),
              let count = evidence.goalCounts.compactMap({ $0 }).max(),
              count < Self.smallGoalSet, rows > Self.smallGoalSet else { return nil }
        // The goal set holds the trials up to sorted[⌊α (n − 1)⌋]: at least ⌊α (n − 1)⌋ + 1 of them.
        let needed = Double(Self.smallGoalSet - 1) / Double(rows - 1)
        return (count, min(0.99, (needed * 100).rounded(.up) / 100))
    }

    /// The hyperparameters whose p-value is at most `alpha`, by evidence.
    public func significant(at alpha: Double) -> [String] { evidence?.significant(at: alpha) ?? [] }

    /// The component the shares are taken from: the ranking (every goal level at once) when
    /// measured, else the first goal level.
    public var shareComponent: EvidenceComponent? {
        guard let components = evidence?.components else { return nil }
        return components.contains(.ranked) ? .ranked : components.first
    }

    /// Each hyperparameter's share of what decides the objective (docs/method.md, "Shares"):
    /// the HSIC of `shareComponent` of each hyperparameter shown to matter (adjusted p at most
    /// `alpha`), weighted by the fraction of the trials where it is active, as a part of their
    /// sum; 0 for those not shown to matter, nil for skipped ones, in table order. Weighting
    /// makes hyperparameters active on different trials comparable: a conditional one measured
    /// on 8 trials of 30 decides at most those 8. Empty when none is shown to matter.
    public func shares(alpha: Double) -> [Double?] {
        guard let evidence, let component = shareComponent, let k = evidence.components.firstIndex(of: component) else { return [] }
        let weighted = evidence.parameters.map { p -> Double? in
            guard let hsic = p.component(k)?.hsic else { return nil }
            guard (p.pValue ?? 1) <= alpha, rows > 0 else { return 0 }
            return max(0, hsic) * Double(p.rows) / Double(rows)
        }
        let total = weighted.reduce(0) { $0 + ($1 ?? 0) }
        guard total > 0 else { return [] }
        return weighted.map { $0.map { $0 / total } }
    }
}

/// Spearman's ρ of one hyperparameter with an objective; nil for categorical hyperparameters
/// and where undefined (constant, fewer than 3 active trials).
public struct SpearmanBaseline: Sendable {
    public let parameter: String
    public let test: CorrelationTest?
}
