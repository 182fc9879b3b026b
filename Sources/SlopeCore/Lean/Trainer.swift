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
        try options.validate(for: design)
        let kernel = HistoryKernel(design: design, activation: options.activation, loss: options.loss)
        let restarts = Array(0..<options.restarts)
        guard kernel.chunkCount == 1 else {
            // Many rows: one epoch loop, each epoch's pass split over row chunks in parallel.
            return try train(restarts, kernel: kernel, options: options, parallel: true, progress: progress)
        }
        // Few rows: each core runs whole trainings for its share of the restarts, with no
        // synchronisation per epoch. The numbers are the same either way.
        let groups = min(options.restarts, HistoryKernel.cores)
        let size = (options.restarts + groups - 1) / groups
        let shares = stride(from: 0, to: options.restarts, by: size).map { Array($0..<min($0 + size, options.restarts)) }
        return try parallelMap(shares.count) { g in
            try train(shares[g], kernel: kernel, options: options, parallel: false, progress: progress)
        }.flatMap { $0 }
    }

    /// The epoch loop for the restarts `indices` side by side.
    private static func train(_ indices: [Int], kernel: HistoryKernel, options: TrainingOptions, parallel: Bool,
                              progress: ProgressCounter?) throws -> [History] {
        let design = kernel.design
        let seeds = indices.map { options.seed &+ UInt64($0) }
        var generators = seeds.map { SeededGenerator(seed: $0) }
        var thetas = indices.indices.map { r in
            options.initial.map { $0.weights + [$0.bias] }
                ?? XavierNormal.parameters(features: design.featureCount, using: &generators[r])
        }
        var histories = seeds.map { History(parameterNames: design.featureNames + ["bias"], seed: $0, epochs: options.epochs) }
        // Each restart's row order, reshuffled every epoch (mini-batches only).
        let batchSize = options.batchSize.flatMap { $0 < design.rowCount ? $0 : nil }
        var orders = batchSize == nil ? [] : indices.map { _ in Array(0..<design.rowCount) }
        let step = max(1, options.epochs / 100)
        var reported = 0
        for epoch in 0..<options.epochs {
            // One pass over the data for every restart.
            let sums = kernel.sums(thetas, parallel: parallel)
            for r in indices.indices {
                HistoryKernel.record(sums[r], parameters: thetas[r], epoch: epoch, into: &histories[r])
                guard histories[r].isFinite(epoch: epoch) else { throw SlopeError.diverged(restart: indices[r], epoch: epoch) }
            }
            if let batchSize {
                for r in indices.indices {
                    generators[r].shuffle(&orders[r])
                    for start in stride(from: 0, to: orders[r].count, by: batchSize) {
                        let batch = orders[r][start..<min(start + batchSize, orders[r].count)]
                        descend(&thetas[r], along: kernel.gradient(thetas[r], rows: batch), rate: options.learningRate)
                    }
                }
            } else {
                let p = design.featureCount + 1
                for r in indices.indices { descend(&thetas[r], along: Array(sums[r][1...p]), rate: options.learningRate) }
            }
            if (epoch + 1) % step == 0 || epoch + 1 == options.epochs {
                progress?.advance(by: (epoch + 1 - reported) * indices.count)
                reported = epoch + 1
            }
        }
        return histories
    }

    private static func descend(_ theta: inout [Double], along gradient: [Double], rate: Double) {
        for i in theta.indices { theta[i] -= rate * gradient[i] }
    }
}
