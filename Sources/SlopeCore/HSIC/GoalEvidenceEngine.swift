import Foundation

extension GoalEvidence {
    /// What to measure and how many random draws to spend.
    struct Settings: Sendable {
        var components: [EvidenceComponent]
        var permutations: Int
        var bootstrap: Int
        var confidence = 0.95
        var seed: UInt64
    }

    /// Measures every input of `sample` against the objective `sample.output` (docs/method.md,
    /// "Goal-level evidence"). Inputs active on the same rows share the ranking, the
    /// permutations and the resamples (the same streams as `HSICAnalysis`).
    /// - Complexity: per input on m active rows with a factor of rank r, O(m r²) to factor,
    ///   O(B m r) for B permutations (O(B m) for levels), O(R m r²) for R resamples; memory
    ///   O(m r) per input and O(m) per permutation in flight, nothing of size m².
    static func measure(_ sample: HSICSample, direction: Direction, settings: Settings,
                        progress: ProgressCounter?) -> GoalEvidence {
        let overall = GoalRanking(y: sample.output, direction: direction, components: settings.components)
        var groups: [[Int]: [Int]] = [:]
        for (i, input) in sample.inputs.enumerated() { groups[input.activeRows, default: []].append(i) }
        var parameters = sample.inputs.map { ParameterEvidence(name: $0.name, kind: $0.kind, rows: 0) }
        for rows in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let members = groups[rows]!
            let group = EvidenceGroup(rows: rows, y: sample.output, direction: direction, settings: settings)
            for (i, evidence) in zip(members, group.measure(members.map { sample.inputs[$0] }, progress: progress)) {
                parameters[i] = evidence
            }
        }
        return GoalEvidence(components: settings.components, thresholds: overall.thresholds,
                            goalCounts: overall.goalCounts, permutations: settings.permutations,
                            bootstrap: settings.bootstrap, confidence: settings.confidence, parameters: parameters)
    }

    /// The units of work `measure` reports for `inputs` inputs.
    static func workUnits(inputs: Int, settings: Settings) -> Int {
        inputs * (1 + settings.permutations + settings.bootstrap)
    }
}

/// The inputs that share one set of active rows, with the ranking there.
private struct EvidenceGroup {
    let rows: [Int]
    let settings: GoalEvidence.Settings
    let ranking: GoalRanking
    let problem: String?

    /// Permutations generated (in order, from one stream) and measured per block.
    static let block = 64

    init(rows: [Int], y: [Double], direction: Direction, settings: GoalEvidence.Settings) {
        self.rows = rows
        self.settings = settings
        ranking = GoalRanking(y: rows.map { y[$0] }, direction: direction, components: settings.components)
        if rows.count < 2 {
            problem = "\(rows.count) active rows; at least 2 are needed"
        } else if ranking.cutoffs.isEmpty {
            problem = "the objective is constant on these rows"
        } else if !settings.components.indices.contains(where: ranking.defines) {
            problem = "the goal set holds all \(rows.count) rows, so it does not split them"
        } else {
            problem = nil
        }
    }

    func measure(_ inputs: [HSICInput], progress: ProgressCounter?) -> [ParameterEvidence] {
        let m = rows.count, units = 1 + settings.permutations + settings.bootstrap
        var results = inputs.map { ParameterEvidence(name: $0.name, kind: $0.kind, rows: m, note: problem) }
        guard problem == nil else {
            progress?.advance(by: inputs.count * units)
            return results
        }
        let factors = parallelMap(inputs.count) { inputs[$0].factor(rows: rows) }
        let live = inputs.indices.filter { factors[$0] != nil }
        for i in inputs.indices where factors[i] == nil { results[i].note = "constant on its rows" }
        progress?.advance(by: (inputs.count - live.count) * units)
        let liveFactors = live.map { factors[$0]! }
        let statistics = permutationStatistics(liveFactors, progress: progress)
        let intervals = bootstrapIntervals(liveFactors, progress: progress)
        let sides = settings.components.indices.map(outputSide)
        for (k, i) in live.enumerated() {
            results[i] = evidence(results[i], factor: liveFactors[k], statistics: statistics[k], sides: sides)
            results[i].hsicInterval = intervals[k].hsic
            results[i].r2Interval = intervals[k].r2
        }
        progress?.advance(by: live.count)
        return results
    }

    /// Each component's statistic on the observed ranking (row 0) and on every permutation.
    private func permutationStatistics(_ factors: [KernelFactor], progress: ProgressCounter?) -> [[[Double]]] {
        let m = rows.count, reach = ranking.reach, order = ranking.order, ranking = self.ranking
        var statistics = factors.map { factor in
            var buffers = StatisticsBuffers(factor, ranking)
            return order.withUnsafeBufferPointer { o in [buffers.statistics(order: o)] }
        }
        var permutations = RowStream.permutations(settings.seed, size: m)
        var done = 0
        while done < settings.permutations {
            let count = min(Self.block, settings.permutations - done)
            if progress?.isStopped == true {
                // A stopped job's statistics are never read (its job throws): the observed
                // ones stand in, keeping every list as long as the combination expects.
                for f in factors.indices { statistics[f] += Array(repeating: statistics[f][0], count: count) }
                done += count
                continue
            }
            // The row that holds the k-th best value once the objective is permuted by σ
            // (row i takes the value of row σ(i)) is σ⁻¹(order[k]).
            var orders = [Int](repeating: 0, count: count * reach)
            var inverse = [Int](repeating: 0, count: m)
            for q in 0..<count {
                let sigma = permutations.next()
                for i in 0..<m { inverse[sigma[i]] = i }
                for k in 0..<reach { orders[q * reach + k] = inverse[order[k]] }
            }
            let blockOrders = orders
            let block = parallelMap(factors.count) { f in
                var buffers = StatisticsBuffers(factors[f], ranking)
                return blockOrders.withUnsafeBufferPointer { o in
                    (0..<count).map { q in buffers.statistics(order: UnsafeBufferPointer(rebasing: o[q * reach..<(q + 1) * reach])) }
                }
            }
            for f in factors.indices { statistics[f] += block[f] }
            done += count
            progress?.advance(by: factors.count * count)
        }
        return statistics
    }

    /// What a component's output side gives every input of the group: HSIC(L, L) (the second
    /// factor of R2-HSIC; O(|C|²) for the ranking) and, for a goal level, its indicator and the
    /// summary of its Kronecker kernel that the gamma p-value reads.
    private struct OutputSide {
        let selfValue: Double
        let goal: (inGoal: [Bool], summary: GramSummary)?
    }

    private func outputSide(_ c: Int) -> OutputSide {
        guard ranking.defines(c) else { return OutputSide(selfValue: 0, goal: nil) }
        let goal = ranking.goalCounts[c].map { count -> (inGoal: [Bool], summary: GramSummary) in
            let inGoal = ranking.inGoal(c)
            return (inGoal, GramSummary(rowSums: inGoal.map { Double($0 ? count : rows.count - count) },
                                        diagonal: [Double](repeating: 1, count: rows.count)))
        }
        return OutputSide(selfValue: ranking.selfValue(c), goal: goal)
    }

    /// One input's evidence from its statistics: per component HSIC, R2-HSIC, gamma and
    /// permutation p-values, and the combination.
    private func evidence(_ start: ParameterEvidence, factor: KernelFactor, statistics: [[Double]],
                          sides: [OutputSide]) -> ParameterEvidence {
        var result = start
        let m = Double(rows.count)
        let selfK = factor.selfProduct / (m * m)
        let summary = factor.summary
        let combination = settings.permutations > 0 ? PermutationCombination.combine(statistics) : nil
        result.components = settings.components.indices.map { c in
            var index = ComponentIndex()
            guard ranking.defines(c) else { return index }
            let hsic = statistics[0][c]
            index.hsic = hsic
            let denominator = (selfK * sides[c].selfValue).squareRoot()
            index.r2HSIC = denominator > 0 ? hsic / denominator : nil
            index.pPermutation = combination?.p[c]
            if let goal = sides[c].goal {
                index.pGamma = GammaTest.pValue(hsic: hsic, estimator: .v, kSummary: summary, lSummary: goal.summary,
                                                centredProductSquares: factor.gammaSquares(inGoal: goal.inGoal))
            }
            return index
        }
        let p = result.components.map { $0.pPermutation ?? $0.pGamma }
        let z = combination?.z ?? p.map { _ in nil }
        let tested = p.compactMap { $0 }
        result.pCombined = combination?.combined ?? (tested.count == 1 ? tested[0] : nil)
        result.score = z.compactMap { $0 }.max()
        result.carrier = p.indices.filter { p[$0] != nil }.min { a, b in
            p[a]! != p[b]! ? p[a]! < p[b]! : (z[a] ?? 0) > (z[b] ?? 0)
        }
        return result
    }

    /// Percentile intervals of HSIC and R2-HSIC at the first component, a goal level, over
    /// row resamples (the goal threshold kept at its value on all the rows).
    private func bootstrapIntervals(_ factors: [KernelFactor], progress: ProgressCounter?) -> [(hsic: Interval?, r2: Interval?)] {
        let none = factors.map { _ -> (hsic: Interval?, r2: Interval?) in (nil, nil) }
        guard settings.bootstrap > 0, ranking.goalCounts.first.flatMap({ $0 }) != nil else {
            progress?.advance(by: factors.count * settings.bootstrap)
            return none
        }
        let m = rows.count, size = Double(m)
        let inGoal = ranking.inGoal(0)
        let replicates = parallelMap(settings.bootstrap) { b in
            if progress?.isStopped == true { return factors.map { _ in (Double.nan, Double.nan) } }
            let tau = RowStream.resample(settings.seed, size: m, index: b)
            let goal = tau.map { inGoal[$0] }
            let inside = Double(goal.filter { $0 }.count)
            let spread = inside * (size - inside) / size
            let selfL = 4 * spread * spread / (size * size)
            let result = factors.map { factor -> (Double, Double) in
                let (norm, product) = factor.resampled(tau, inGoal: goal)
                let hsic = 2 * norm / (size * size)
                let denominator = (product / (size * size) * selfL).squareRoot()
                return (hsic, denominator > 0 ? hsic / denominator : .nan)
            }
            progress?.advance(by: factors.count)
            return result
        }
        return factors.indices.map { k in
            (Percentile.interval(replicates.map { $0[k].0 }, confidence: settings.confidence),
             Percentile.interval(replicates.map { $0[k].1 }, confidence: settings.confidence))
        }
    }
}

/// The prefix norms, scratch and statistics of one input, allocated once and reused for every
/// ranking it is measured on (the observed one and each permutation of a block).
private struct StatisticsBuffers {
    let factor: KernelFactor
    let ranking: GoalRanking
    var norms: [Double]
    var scratch: [Double]

    init(_ factor: KernelFactor, _ ranking: GoalRanking) {
        self.factor = factor
        self.ranking = ranking
        norms = [Double](repeating: 0, count: max(1, ranking.reach))
        scratch = [Double](repeating: 0, count: factor.scratchCount)
    }

    /// The components' statistics for the rows ranked as `order` (at least `reach` entries).
    mutating func statistics(order: UnsafeBufferPointer<Int>) -> [Double] {
        var out = [Double](repeating: .nan, count: ranking.components.count)
        let (factor, ranking) = (self.factor, self.ranking)
        norms.withUnsafeMutableBufferPointer { n in
            scratch.withUnsafeMutableBufferPointer { s in
                factor.prefixNorms(order.baseAddress!, count: ranking.reach, into: n.baseAddress!, scratch: s.baseAddress!)
            }
            out.withUnsafeMutableBufferPointer { ranking.statistics(n.baseAddress!, into: $0.baseAddress!) }
        }
        return out
    }
}
