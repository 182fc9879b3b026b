/// Trains the lean network y = σ(w·x + b) by gradient descent, several times, and records
/// the derivative history of every run.
public enum Trainer {
    /// Runs `options.restarts` trainings in parallel; restart r uses seed `options.seed + r`.
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
        let step = max(1, options.epochs / 100)
        return try parallelMap(options.restarts) { r in
            let seed = options.seed &+ UInt64(r)
            var generator = SeededGenerator(seed: seed)
            var theta = options.initial.map { $0.weights + [$0.bias] }
                ?? XavierNormal.parameters(features: design.featureCount, using: &generator)
            var history = History(parameterNames: design.featureNames + ["bias"], seed: seed, epochs: options.epochs)
            var order = Array(0..<design.rowCount)
            var reported = 0
            for epoch in 0..<options.epochs {
                let gradient = kernel.record(theta, epoch: epoch, into: &history)
                guard history.isFinite(epoch: epoch) else { throw SlopeError.diverged(restart: r, epoch: epoch) }
                if let batchSize = options.batchSize, batchSize < design.rowCount {
                    generator.shuffle(&order)
                    for start in stride(from: 0, to: order.count, by: batchSize) {
                        let batch = order[start..<min(start + batchSize, order.count)]
                        descend(&theta, along: kernel.gradient(theta, rows: batch), rate: options.learningRate)
                    }
                } else {
                    descend(&theta, along: gradient, rate: options.learningRate)
                }
                if (epoch + 1) % step == 0 || epoch + 1 == options.epochs {
                    progress?.advance(by: epoch + 1 - reported)
                    reported = epoch + 1
                }
            }
            return history
        }
    }

    private static func descend(_ theta: inout [Double], along gradient: [Double], rate: Double) {
        for i in theta.indices { theta[i] -= rate * gradient[i] }
    }
}
