import Foundation

/// Measures a list of jobs (inputs or pairs) against an output sample: indices, R2-HSIC,
/// gamma and permutation p-values, bootstrap intervals.
///
/// Jobs on the same rows share one prepared output, the same permutations and the same
/// resamples; their Gram matrices are built and used in batches that fit `memoryBudget`.
enum HSICEngine {
    /// - Parameter y: the output on all rows of the sample.
    /// - Complexity: per job, O(m²) memory and O((1 + B_perm + B_boot) m²) time on its m rows;
    ///   permutations and resamples run in parallel.
    static func run(_ jobs: [HSICIndexJob], y: [Double], options: HSICOptions,
                    progress: ProgressCounter?) -> [HSICIndex] {
        var results = [HSICIndex?](repeating: nil, count: jobs.count)
        var groups: [[Int]: [Int]] = [:]
        for (j, job) in jobs.enumerated() { groups[job.rows, default: []].append(j) }
        for rows in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let members = groups[rows]!
            let group = Group(rows: rows, y: y, options: options)
            for j in members where group.problem != nil {
                results[j] = HSICIndex(name: jobs[j].name, rows: rows.count, note: group.problem!)
                progress?.advance(by: 1 + options.permutations + options.bootstrap)
            }
            guard group.problem == nil else { continue }
            let batch = max(1, options.memoryBudget / max(1, 8 * rows.count * rows.count))
            for start in stride(from: 0, to: members.count, by: batch) {
                let slice = Array(members[start..<min(start + batch, members.count)])
                for (j, index) in zip(slice, group.measure(slice.map { jobs[$0] }, progress: progress)) {
                    results[j] = index
                }
            }
        }
        return results.map { $0! }
    }
}

/// The jobs that share one set of rows, with the output, permutations and resamples there.
private struct Group {
    let rows: [Int]
    let options: HSICOptions
    let output: OutputSide?
    let problem: String?
    /// How many permutations test each job (none when the output cannot be measured).
    let permutationCount: Int

    init(rows: [Int], y: [Double], options: HSICOptions) {
        self.rows = rows
        self.options = options
        let m = rows.count
        let minimum = options.estimator == .u ? 4 : 2
        if m < minimum {
            output = nil
            problem = "\(m) active rows; at least \(minimum) are needed"
        } else {
            switch options.measure.outputSide(y: rows.map { y[$0] }, estimator: options.estimator,
                                              bandwidth: options.kernels.bandwidth) {
            case .success(let side):
                output = side
                problem = nil
            case .failure(let reason):
                output = nil
                problem = reason.description
            }
        }
        permutationCount = problem == nil ? options.permutations : 0
    }

    /// Measures a batch of jobs on this group's rows.
    func measure(_ jobs: [HSICIndexJob], progress: ProgressCounter?) -> [HSICIndex] {
        let output = self.output!
        let grams = parallelMap(jobs.count) { jobs[$0].gram() }
        let live = jobs.indices.filter { grams[$0] != nil }
        let liveGrams = live.map { grams[$0]! }
        let summaries = liveGrams.map(GramSummary.init)
        let inner = permutedInner(liveGrams, output.operand, nil)
        var indices = jobs.map { HSICIndex(name: $0.name, rows: rows.count, note: "constant on its rows") }
        var values = [Double]()
        for (k, j) in live.enumerated() {
            let hsic = output.value(inner: inner[k], input: summaries[k], sigma: nil)
            values.append(hsic)
            indices[j] = HSICIndex(name: jobs[j].name, rows: rows.count, hsic: hsic,
                                   r2HSIC: r2(hsic, output.selfValue(of: liveGrams[k], summaries[k]), output.selfValue))
            if options.measure.hasGammaTest && jobs[j].unitDiagonal {
                indices[j].pGamma = GammaTest.pValue(hsic: hsic, estimator: output.estimator,
                                                     k: liveGrams[k], kSummary: summaries[k],
                                                     l: output.gram, lSummary: output.summary)
            }
        }
        progress?.advance(by: (jobs.count - live.count) * (1 + permutationCount + options.bootstrap))
        if permutationCount > 0 {
            let exceed = permutationCounts(liveGrams, summaries, values, progress: progress)
            for (k, j) in live.enumerated() {
                indices[j].pPermutation = Double(1 + exceed[k]) / Double(1 + permutationCount)
            }
        }
        if options.bootstrap > 0 {
            let intervals = bootstrapIntervals(liveGrams, progress: progress)
            for (k, j) in live.enumerated() {
                indices[j].hsicInterval = intervals[k].hsic
                indices[j].r2Interval = intervals[k].r2
            }
        }
        progress?.advance(by: live.count)
        return indices
    }

    /// #{b : HSIC_b ≥ HSIC} per job (with a relative tolerance of 1e-12 for rounding). The
    /// permutations are drawn in chunks and dropped once counted: memory does not grow with
    /// their number (the same permutations, in the same order, as one list would hold).
    private func permutationCounts(_ grams: [GramMatrix], _ summaries: [GramSummary], _ values: [Double],
                                   progress: ProgressCounter?) -> [Int] {
        let output = self.output!
        // Blocks of permutations share each pass over the input matrices (see permutedInner);
        // a chunk of blocks (at most about 64 MB of row indices) is drawn at a time.
        let block = 16, m = max(1, rows.count)
        let chunk = max(block, min(1024, (64 << 20) / (8 * m)) / block * block)
        var generator = RowStream.permutations(options.seed, size: m)
        var counts = [Int](repeating: 0, count: grams.count)
        var done = 0
        // A stopped job's counts are never read (its job throws), so the loop just ends.
        while done < permutationCount && progress?.isStopped != true {
            let drawn = (0..<min(chunk, permutationCount - done)).map { _ in generator.next() }
            let blocks = (drawn.count + block - 1) / block
            let partial = parallelMap(blocks) { c in
                var counts = [Int](repeating: 0, count: grams.count)
                if progress?.isStopped == true { return counts }
                let range = c * block..<min(drawn.count, (c + 1) * block)
                let inner = permutedInner(grams, output.operand, Array(drawn[range]))
                for (q, b) in range.enumerated() {
                    for k in grams.indices {
                        let value = output.value(inner: inner[q][k], input: summaries[k], sigma: drawn[b])
                        if value >= values[k] - 1e-12 * abs(values[k]) { counts[k] += 1 }
                    }
                }
                progress?.advance(by: grams.count * range.count)
                return counts
            }
            for k in grams.indices { counts[k] += partial.reduce(0) { $0 + $1[k] } }
            done += drawn.count
        }
        return counts
    }

    /// Percentile intervals of HSIC and R2-HSIC over row resamples (with replacement); the
    /// kernels' scales and the goal threshold stay those of the full rows.
    private func bootstrapIntervals(_ grams: [GramMatrix], progress: ProgressCounter?) -> [(hsic: Interval?, r2: Interval?)] {
        let output = self.output!
        let m = rows.count
        let replicates = parallelMap(options.bootstrap) { b in
            if progress?.isStopped == true { return grams.map { _ in (Double.nan, Double.nan) } }
            let tau = RowStream.resample(options.seed, size: m, index: b)
            let side = OutputSide(gram: output.gram.gathered(tau), estimator: output.estimator,
                                  weights: output.weights.map { w in tau.map { w[$0] } })
            let result = grams.map { gram -> (Double, Double) in
                let k = gram.gathered(tau)
                let summary = GramSummary(k)
                let hsic = side.value(inner: permutedInner([k], side.operand, nil)[0], input: summary, sigma: nil)
                return (hsic, r2(hsic, side.selfValue(of: k, summary), side.selfValue) ?? .nan)
            }
            progress?.advance(by: grams.count)
            return result
        }
        return grams.indices.map { k in
            (Percentile.interval(replicates.map { $0[k].0 }, confidence: options.confidence),
             Percentile.interval(replicates.map { $0[k].1 }, confidence: options.confidence))
        }
    }

    private func r2(_ hsic: Double, _ selfX: Double, _ selfY: Double) -> Double? {
        let denominator = (selfX * selfY).squareRoot()
        return denominator > 0 ? hsic / denominator : nil
    }
}
