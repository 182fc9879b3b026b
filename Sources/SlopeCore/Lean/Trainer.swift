/// Trains the lean network y = σ(w·x + b) by gradient descent, several times, and records
/// the derivative history of every run.
public enum Trainer {
    /// Runs `options.restarts` trainings side by side, epoch by epoch; restart r uses seed
    /// `options.seed + r`.
    ///
    /// Every epoch first records the loss and all derivatives on the full data (one pass,
    /// `HistoryKernel`), then updates θ ← θ − η ∂L/∂θ, with the full gradient or, when
    /// `batchSize` is set, one step per shuffled mini-batch.
    ///
    /// - Parameter progress: told of finished epochs (summed over restarts).
    /// - Returns: one `History` per restart, in restart order; identical for identical inputs.
    /// - Complexity: O(restarts · epochs · N · n) time, O(restarts · epochs · n) memory.
    public static func train(_ design: Design, options: TrainingOptions,
                             progress: ProgressCounter? = nil) throws -> [History] {
        try train(design, options: options, null: nil, progress: progress).restarts
    }

    /// The restarts and, in the same passes over the data, `null.count` null trainings: null
    /// training k fits the target shuffled for pair k / 2 (`NullTrainings.seed(_:shuffle:)`),
    /// starts from its own Xavier draw (`NullTrainings.seed(_:training:)`; or the explicit
    /// initial parameters) and records the loss, d1 and the second derivative of
    /// `null.convention` (docs/method.md, "A null for the trend").
    /// - Parameter progress: told of finished epochs (summed over restarts and null trainings).
    /// - Complexity: O((restarts + null.count) · epochs · N · n) time; a null training costs
    ///   about half a restart.
    public static func train(_ design: Design, options: TrainingOptions, null: NullTrainings?,
                             progress: ProgressCounter? = nil) throws -> TrainedHistories {
        try options.validate(for: design)
        let nullCount = null?.count ?? 0
        let seeds = (0..<options.restarts).map { options.seed &+ UInt64($0) }
            + (0..<nullCount).map { NullTrainings.seed(options.seed, training: $0) }
        var generators = seeds.map { SeededGenerator(seed: $0) }
        let shuffled = (0..<(null?.pairs ?? 0)).map { q -> [Double] in
            var target = design.target, generator = SeededGenerator(seed: NullTrainings.seed(options.seed, shuffle: q))
            generator.shuffle(&target)
            return target
        }
        let tracks = generators.indices.map { r in
            KernelTrack(theta: options.initial.map { $0.weights + [$0.bias] }
                            ?? XavierNormal.parameters(features: design.featureCount, using: &generators[r]),
                        target: r < options.restarts ? 0 : 1 + (r - options.restarts) / 2,
                        reads: r < options.restarts ? nil : null?.convention)
        }
        let kernel = HistoryKernel(design: design, activation: options.activation, loss: options.loss,
                                   shuffledTargets: shuffled)
        let runs = tracks.indices.map { TrainingRun(track: tracks[$0], generator: generators[$0], index: $0) }
        let histories: [History]
        if kernel.chunkCount > 1 {
            // Many rows: one epoch loop, each epoch's pass split over row chunks in parallel.
            histories = try train(runs, kernel: kernel, seeds: seeds, options: options, parallel: true, progress: progress)
        } else {
            // Few rows: each core runs whole trainings for its share (dealt round robin, so
            // restarts and lighter null trainings mix), with no synchronisation per epoch. The
            // numbers are the same either way.
            let groups = min(runs.count, HistoryKernel.cores)
            let shares = (0..<groups).map { g in Array(stride(from: g, to: runs.count, by: groups)) }
            let parts = try parallelMap(groups) { g in
                try train(shares[g].map { runs[$0] }, kernel: kernel, seeds: seeds, options: options,
                          parallel: false, progress: progress)
            }
            var ordered = [History?](repeating: nil, count: runs.count)
            for g in 0..<groups { for (k, r) in shares[g].enumerated() { ordered[r] = parts[g][k] } }
            histories = ordered.compactMap { $0 }
        }
        return TrainedHistories(restarts: Array(histories[..<options.restarts]),
                                null: Array(histories[options.restarts...]))
    }

    /// One training's state in the epoch loop.
    private struct TrainingRun: Sendable {
        var track: KernelTrack
        var generator: SeededGenerator
        /// Its place among all trainings: restarts first, then null trainings.
        let index: Int
    }

    /// The epoch loop for `runs` side by side.
    private static func train(_ runs: [TrainingRun], kernel: HistoryKernel, seeds: [UInt64], options: TrainingOptions,
                              parallel: Bool, progress: ProgressCounter?) throws -> [History] {
        let design = kernel.design
        var runs = runs
        var histories = runs.map {
            History(parameterNames: design.featureNames + ["bias"], seed: seeds[$0.index], epochs: options.epochs)
        }
        // Each training's row order, reshuffled every epoch (mini-batches only).
        let batchSize = options.batchSize.flatMap { $0 < design.rowCount ? $0 : nil }
        var orders = batchSize == nil ? [] : runs.map { _ in Array(0..<design.rowCount) }
        let step = max(1, options.epochs / 100)
        var reported = 0
        for epoch in 0..<options.epochs {
            // One pass over the data for every training.
            let sums = kernel.sums(runs.map(\.track), parallel: parallel)
            for r in runs.indices {
                HistoryKernel.record(sums[r], of: runs[r].track, epoch: epoch, into: &histories[r])
                guard histories[r].isFinite(epoch: epoch) else {
                    let index = runs[r].index
                    throw index < options.restarts
                        ? SlopeError.diverged(restart: index, epoch: epoch)
                        : SlopeError.nullDiverged(training: index - options.restarts, epoch: epoch)
                }
            }
            if let batchSize {
                for r in runs.indices {
                    runs[r].generator.shuffle(&orders[r])
                    for start in stride(from: 0, to: orders[r].count, by: batchSize) {
                        let batch = orders[r][start..<min(start + batchSize, orders[r].count)]
                        descend(&runs[r].track.theta, along: kernel.gradient(runs[r].track, rows: batch)[...],
                                rate: options.learningRate)
                    }
                }
            } else {
                let p = design.featureCount + 1
                for r in runs.indices { descend(&runs[r].track.theta, along: sums[r][1...p], rate: options.learningRate) }
            }
            if (epoch + 1) % step == 0 || epoch + 1 == options.epochs {
                progress?.advance(by: (epoch + 1 - reported) * runs.count)
                reported = epoch + 1
                try progress?.checkStopped()
            }
        }
        return histories
    }

    private static func descend(_ theta: inout [Double], along gradient: ArraySlice<Double>, rate: Double) {
        for (i, g) in zip(theta.indices, gradient) { theta[i] -= rate * g }
    }
}
