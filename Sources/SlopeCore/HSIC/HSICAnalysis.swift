/// A sample for HSIC: named inputs and one numeric output on the same rows.
public struct HSICSample: Sendable {
    /// Where the sample came from (a path), for messages.
    public let source: String
    /// The output's name.
    public let outputName: String
    /// The output on every row.
    public let output: [Double]
    /// The inputs, each with its own active rows.
    public let inputs: [HSICInput]

    public init(source: String, outputName: String, output: [Double], inputs: [HSICInput]) {
        self.source = source
        self.outputName = outputName
        self.output = output
        self.inputs = inputs
    }
}

extension HSICSample {
    /// The sample on `count` rows drawn without replacement by a seeded shuffle (in their
    /// original order), or the sample itself when it has no more rows than that.
    public func subsample(_ count: Int, seed: UInt64) -> HSICSample {
        guard count < output.count else { return self }
        var generator = SeededGenerator(seed: seed)
        let rows = generator.sample(count, of: output.count)
        return HSICSample(source: source, outputName: outputName, output: rows.map { output[$0] },
                          inputs: inputs.map { $0.restricted(to: rows) })
    }
}

/// The joint effect of two inputs (product kernel), next to their marginal effects.
public struct HSICPair: Sendable {
    public let first: String
    public let second: String
    /// HSIC of the pair against the output, on the rows where both are active.
    public internal(set) var index: HSICIndex
    /// HSIC(first) + HSIC(second): a joint index well above it points to an interaction.
    public var marginalSum: Double?
    /// The pair against what their separate effects leave of the output (`AdditiveResidual`):
    /// its p-value tests "no interaction beyond the two members".
    public internal(set) var interaction: HSICIndex
}

/// The HSIC sensitivity analysis of a sample: one index per input, optionally every pair.
public struct HSICAnalysis: Sendable {
    public let source: String
    public let output: String
    public let rows: Int
    public let settings: HSICOptions
    /// The goal threshold q on all rows (target and conditional HSIC); conditional inputs
    /// recompute it on their active rows.
    public var goalThreshold: Double?
    /// The rows inside the goal set (indicator weights only).
    public var goalCount: Int?
    /// One index per input, in the sample's order.
    public internal(set) var indices: [HSICIndex]
    /// Every pair of inputs, when asked for.
    public internal(set) var pairs: [HSICPair]

    /// The indices ranked by R2-HSIC, largest first; skipped inputs last.
    public var ranked: [HSICIndex] {
        indices.enumerated().sorted { a, b in
            let x = a.element.r2HSIC ?? -.infinity, y = b.element.r2HSIC ?? -.infinity
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// Adjusts the p-values by `method` in two families, the raw p-values kept: the inputs'
    /// indices, and the pairs' interaction tests. Two questions, two families: asking for pairs
    /// leaves which inputs are significant as it was.
    mutating func adjust(by method: PValueAdjustment) {
        guard method != .none else { return }
        let inputs = Self.adjusted(indices.map(\.rawPValue), by: method)
        for i in indices.indices { indices[i].pAdjusted = inputs[i] }
        Self.adjustInteractions(&pairs, by: method)
    }

    /// Adjusts the pairs' interaction p-values as one family.
    static func adjustInteractions(_ pairs: inout [HSICPair], by method: PValueAdjustment) {
        guard method != .none else { return }
        let interactions = adjusted(pairs.map(\.interaction.rawPValue), by: method)
        for k in pairs.indices { pairs[k].interaction.pAdjusted = interactions[k] }
    }

    /// `raw` adjusted as one family, nil where untested.
    private static func adjusted(_ raw: [Double?], by method: PValueAdjustment) -> [Double?] {
        let tested = raw.enumerated().compactMap { k, p in p.map { (k, $0) } }
        var out = [Double?](repeating: nil, count: raw.count)
        for (k, p) in zip(tested.map(\.0), method.adjust(tested.map(\.1))) { out[k] = p }
        return out
    }

    /// The inputs whose p-value (adjusted when it was, else permutation, else gamma) is at
    /// most `alpha`, ranked.
    public func significant(at alpha: Double) -> [String] {
        ranked.filter { ($0.pValue ?? 1) <= alpha }.map(\.name)
    }

    /// Measures every input of `sample` (and every pair when `options.pairs`).
    /// - Parameter progress: told of finished units; its total must be `workUnits(sample, options)`.
    /// - Throws: `SlopeError` for bad options, a constant output or a goal set that does not
    ///   split the rows.
    /// - Complexity: O(d (1 + B) n²) time for d inputs, B permutations + resamples; O(n²) memory
    ///   per input of a batch.
    public static func run(_ raw: HSICSample, options: HSICOptions,
                           progress: ProgressCounter? = nil) throws -> HSICAnalysis {
        // The goal threshold is reported on the raw output's scale.
        let (sample, weights) = try checked(raw, options)
        let kernels = options.kernels
        let jobs = sample.inputs.map { input in
            let rows = input.activeRows
            return HSICIndexJob(name: input.name, rows: rows, unitDiagonal: input.hasUnitDiagonal(kernels)) {
                input.gram(rows: rows, kernels: kernels)
            }
        }
        var indices = HSICEngine.run(jobs, y: sample.output, options: options, progress: progress)
        for i in indices.indices { indices[i].kind = sample.inputs[i].kind }
        let goal = options.measure.goal
        return HSICAnalysis(
            source: sample.source, output: sample.outputName, rows: sample.output.count, settings: options,
            goalThreshold: goal?.threshold(for: raw.output),
            goalCount: goal?.smoothness == nil ? weights?.filter { $0 == 1 }.count : nil,
            indices: indices,
            pairs: options.pairs ? measurePairs(sample, options: options, marginals: indices.map(\.hsic), progress: progress) : [])
    }

    /// Every pair of the inputs of `sample`: its joint index (product kernel) and its
    /// interaction test, next to `marginals`, the inputs' own HSIC; interaction p-values
    /// adjusted by `adjust`.
    /// - Throws: as `run`.
    /// - Complexity: O(d² (1 + B) n²) time.
    static func pairs(_ sample: HSICSample, options: HSICOptions, marginals: [Double?], adjust: PValueAdjustment,
                      progress: ProgressCounter?) throws -> [HSICPair] {
        let (sample, _) = try checked(sample, options)
        var pairs = measurePairs(sample, options: options, marginals: marginals, progress: progress)
        adjustInteractions(&pairs, by: adjust)
        return pairs
    }

    private static func measurePairs(_ sample: HSICSample, options: HSICOptions, marginals: [Double?],
                                     progress: ProgressCounter?) -> [HSICPair] {
        let kernels = options.kernels
        let pairs = pairIndices(sample.inputs.count)
        let jobs = pairs.map { a, b in
            let (x, z) = (sample.inputs[a], sample.inputs[b])
            let rows = Set(x.activeRows).intersection(z.activeRows).sorted()
            return HSICIndexJob(name: "\(x.name)×\(z.name)", rows: rows,
                                unitDiagonal: x.hasUnitDiagonal(kernels) && z.hasUnitDiagonal(kernels)) {
                guard let kx = x.gram(rows: rows, kernels: kernels),
                      let kz = z.gram(rows: rows, kernels: kernels) else { return nil }
                return kx.product(kz)
            }
        }
        let results = HSICEngine.run(jobs, y: sample.output, options: options, progress: progress)
        return pairs.enumerated().map { p, ab in
            let (x, z) = (marginals[ab.0], marginals[ab.1])
            var index = results[p]
            // Say which member is constant where both are active (the pair's own note cannot).
            let constant = [sample.inputs[ab.0], sample.inputs[ab.1]].filter { $0.takesOneValue(rows: jobs[p].rows) }.map(\.name)
            if index.note != nil && !constant.isEmpty {
                index.note = constant.joined(separator: " and ") + (constant.count == 1 ? " takes" : " take")
                    + " one value on the rows where both are active"
            }
            return HSICPair(first: sample.inputs[ab.0].name, second: sample.inputs[ab.1].name,
                            index: index, marginalSum: x.flatMap { x in z.map { x + $0 } },
                            interaction: interaction(sample, pairJob: jobs[p], pair: ab, options: options))
        }
    }

    /// The interaction test of one pair: the product of its two centred kernels (whose
    /// features are the pure interactions, orthogonal to any function of one input alone when
    /// the inputs are independent, as sampled trials are) against the residual of the output
    /// after both inputs' separate effects, by the global measure with the same estimator and
    /// permutations (the gamma p-value needs a unit diagonal, so only permutations test it). On the output's own scale for every measure: a goal indicator is a
    /// threshold of the output, and a threshold of an additive output is not additive, so on
    /// the indicator every pair of inputs that both matter would interact.
    private static func interaction(_ sample: HSICSample, pairJob: HSICIndexJob, pair: (Int, Int),
                                    options: HSICOptions) -> HSICIndex {
        let rows = pairJob.rows
        let residual = AdditiveResidual.residual(rows.map { sample.output[$0] }, sample.inputs[pair.0].unitValues(rows: rows),
                                                 sample.inputs[pair.1].unitValues(rows: rows))
        var y = [Double](repeating: 0, count: sample.output.count)
        for (k, row) in rows.enumerated() { y[row] = residual[k] }
        var global = options
        global.measure = .global
        let (first, second) = (sample.inputs[pair.0], sample.inputs[pair.1]), kernels = options.kernels
        let job = HSICIndexJob(name: pairJob.name + " beyond members", rows: rows, unitDiagonal: false) {
            guard let kx = first.gram(rows: rows, kernels: kernels), let kz = second.gram(rows: rows, kernels: kernels) else {
                return nil
            }
            return kx.centred.product(kz.centred)
        }
        return HSICEngine.run([job], y: y, options: global, progress: nil)[0]
    }

    /// The units of work `run` reports to its progress counter.
    public static func workUnits(_ sample: HSICSample, _ options: HSICOptions) -> Int {
        let d = sample.inputs.count
        let jobs = d + (options.pairs ? d * (d - 1) / 2 : 0)
        return jobs * (1 + options.permutations + options.bootstrap)
    }

    private static func pairIndices(_ d: Int) -> [(Int, Int)] {
        (0..<d).flatMap { a in (a + 1..<d).map { (a, $0) } }
    }

    /// The sample with its extreme columns on a usable scale (`ExtremeScale`), and the goal
    /// weights on all rows (nil without a goal), after checking the options against the
    /// sample, that the output varies and that the goal set splits the rows.
    private static func checked(_ raw: HSICSample, _ options: HSICOptions) throws -> (sample: HSICSample, weights: [Double]?) {
        let sample = ExtremeScale.conditioned(raw)
        try options.validate(rows: sample.output.count, inputs: sample.inputs.count * (options.pairs ? max(1, sample.inputs.count) : 1),
                             source: sample.source)
        let y = sample.output
        guard Set(y).count > 1 else { throw SlopeError.constantTarget(file: sample.source, name: sample.outputName) }
        guard let goal = options.measure.goal else { return (sample, nil) }
        let w = goal.weights(for: y)
        let inside = w.filter { $0 == 1 }.count
        if Set(w).count < 2 || !w.contains(where: { $0 > 0 }) {
            let setting: Setting = if case .conditional = options.measure { .conditionalGoal } else { .goal }
            throw SlopeError.invalidSetting(setting, reason: "the goal set holds \(inside) of \(y.count) rows of \(sample.outputName), so it does not split them")
        }
        return (sample, w)
    }
}
