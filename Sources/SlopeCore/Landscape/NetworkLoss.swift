/// The training loss of the lean network at given parameters:
/// L(θ) = (1/N) Σ_k ℓ(σ(w·x_k + b), t_k), θ = (w, b), on the scaled design.
public struct NetworkLoss: Sendable {
    public let design: Design
    public let activation: Activation
    public let loss: Loss

    public init(design: Design, activation: Activation, loss: Loss) {
        self.design = design
        self.activation = activation
        self.loss = loss
    }

    /// L(θ) for θ = n weights then the bias.
    /// - Complexity: O(N·n).
    public func callAsFunction(_ theta: [Double]) -> Double {
        let n = design.featureCount
        var total = 0.0
        design.x.withUnsafeBufferPointer { x in
            for k in 0..<design.rowCount {
                var u = theta[n]
                for i in 0..<n { u += theta[i] * x[k &* n &+ i] }
                total += loss(activation(u), design.target[k])
            }
        }
        return total / Double(design.rowCount)
    }
}
