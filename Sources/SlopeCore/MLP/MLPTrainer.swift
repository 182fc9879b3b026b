/// Trains an `MLPNetwork` by mini-batch gradient descent and measures it on the validation
/// rows after every epoch. Cost per epoch: O(rows · Σ layer inputs × outputs).
public enum MLPTrainer {
    /// One epoch's numbers.
    public struct Epoch: Sendable, Equatable {
        public let epoch: Int
        /// Mean training loss over the epoch's batches (cross-entropy or standardised MSE).
        public let trainLoss: Double
        /// The validation loss after the epoch.
        public let validationLoss: Double
        /// The validation error after the epoch: misclassified share for classes, MSE in the
        /// target's units for values.
        public let validationError: Double
    }

    /// Trains with `options` on `data`; `report` sees every epoch as it ends (what it throws
    /// ends the training). Throws `SlopeError.networkDiverged` when a loss stops being finite.
    public static func train(_ data: MLPData, options: MLPOptions, report: (Epoch) throws -> Void = { _ in }) throws -> [Epoch] {
        try options.validate()
        var g = SeededGenerator(seed: options.seed)
        var network = MLPNetwork(inputs: data.features, width: options.width, depth: options.depth,
                                 outputs: data.outputs, activation: options.activation, generator: &g)
        var optimizer = MLPOptimizer(options: options, network: network)
        var order = Array(0..<data.trainCount)
        var epochs: [Epoch] = []
        let p = data.features
        for e in 1...options.epochs {
            g.shuffle(&order)
            var lossSum = 0.0, batches = 0
            for start in stride(from: 0, to: order.count, by: options.batchSize) {
                let rows = order[start..<min(start + options.batchSize, order.count)]
                let x = rows.flatMap { data.train.x[($0 * p)..<($0 * p + p)] }
                let batch = evaluate(network, x: x, targets: data.train.targets, rows: Array(rows))
                guard batch.loss.isFinite else { throw SlopeError.networkDiverged(epoch: e) }
                let grads = x.withUnsafeBufferPointer {
                    network.gradient($0, rows: rows.count, forward: batch.forward, outputGradient: batch.gradient)
                }
                optimizer.update(&network.parameters, grads: grads)
                lossSum += batch.loss
                batches += 1
            }
            let check = evaluate(network, x: data.validation.x, targets: data.validation.targets,
                                 rows: Array(0..<data.validationCount))
            guard check.loss.isFinite else { throw SlopeError.networkDiverged(epoch: e) }
            let epoch = Epoch(epoch: e, trainLoss: lossSum / Double(batches), validationLoss: check.loss,
                              validationError: check.error)
            try report(epoch)
            epochs.append(epoch)
        }
        return epochs
    }

    /// The loss, its output gradient and the error of `network` on `x`, whose rows are
    /// `rows` of `targets`; `forward` keeps the forward pass for the gradient.
    static func evaluate(_ network: MLPNetwork, x: [Double], targets: MLPData.Targets, rows: [Int])
        -> (loss: Double, gradient: [Double], error: Double, forward: (z: [[Double]], a: [[Double]])) {
        let f = x.withUnsafeBufferPointer { network.forward($0, rows: rows.count) }
        let z = f.z
        switch targets {
        case let .classes(y, labels):
            let r = MLPLoss.crossEntropy(z.last!, classes: rows.map { y[$0] }, outputs: labels.count)
            return (r.loss, r.gradient, 1 - Double(r.correct) / Double(rows.count), f)
        case let .values(y, scale):
            let r = MLPLoss.squaredError(z.last!, values: rows.map { y[$0] })
            return (r.loss, r.gradient, r.loss * scale * scale, f)
        }
    }
}
