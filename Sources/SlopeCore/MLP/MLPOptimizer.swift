import Foundation

/// The state of one optimiser over a network's parameters: plain SGD, heavy-ball momentum
/// (v ← μ v + g, w ← w − lr v) or Adam (Kingma and Ba 2015, β1 = 0.9, β2 = 0.999, ε = 1e-8).
/// Weight decay λ adds λ w to the gradient of every weight (biases are not decayed).
struct MLPOptimizer {
    let options: MLPOptions
    let sizes: [Int]
    private var first: [[Double]]
    private var second: [[Double]]
    private var step = 0

    init(options: MLPOptions, network: MLPNetwork) {
        self.options = options
        sizes = network.sizes
        first = network.parameters.map { [Double](repeating: 0, count: $0.count) }
        second = options.optimizer == .adam ? first : []
    }

    /// Applies one step with `grads` to `parameters`.
    mutating func update(_ parameters: inout [[Double]], grads: [[Double]]) {
        step += 1
        let lr = options.lr, mu = options.momentum, wd = options.weightDecay
        let c1 = 1 - pow(0.9, Double(step)), c2 = 1 - pow(0.999, Double(step))
        for l in parameters.indices {
            let weights = sizes[l] * sizes[l + 1]
            for k in parameters[l].indices {
                let g = grads[l][k] + (k < weights ? wd * parameters[l][k] : 0)
                switch options.optimizer {
                case .sgd:
                    parameters[l][k] -= lr * g
                case .momentum:
                    first[l][k] = mu * first[l][k] + g
                    parameters[l][k] -= lr * first[l][k]
                case .adam:
                    first[l][k] = 0.9 * first[l][k] + 0.1 * g
                    second[l][k] = 0.999 * second[l][k] + 0.001 * g * g
                    parameters[l][k] -= lr * (first[l][k] / c1) / ((second[l][k] / c2).squareRoot() + 1e-8)
                }
            }
        }
    }
}
