/// A quantity recorded for every parameter at every epoch.
public enum Quantity: String, CaseIterable, Sendable, Codable {
    /// The parameter's value (before the epoch's update).
    case weight
    /// ∂L/∂θ.
    case d1
    /// ∂²L/∂θ² (Hessian diagonal).
    case d2
    /// ∂³L/∂θ³.
    case d3
    /// Σ_j ∂²L/∂θ∂w_j, the sum nested reverse mode returns.
    case d2Tape = "d2_tape"
    /// Σ_j Σ_l ∂³L/∂θ∂w_j∂w_l.
    case d3Tape = "d3_tape"
}

/// The derivative history of one training run: for every epoch, the loss and, for every
/// parameter (the feature weights, then the bias), each `Quantity`, all recorded at the
/// parameters *before* that epoch's update.
///
/// Storage is a struct of arrays, epoch-major: `values[q][e * P + p]` with P = n + 1.
public struct History: Sendable {
    /// Feature names, then `"bias"`.
    public let parameterNames: [String]
    /// The seed of this restart's generator.
    public let seed: UInt64
    /// L at each epoch.
    public internal(set) var loss: [Double]
    var values: [[Double]]

    /// Number of epochs recorded.
    public var epochCount: Int { loss.count }

    /// True when `other` recorded exactly the same losses and values (a training repeated).
    func repeats(_ other: History) -> Bool { loss == other.loss && values == other.values }

    /// The bytes a history of `epochs` epochs and `parameters` parameters holds.
    public static func bytes(epochs: Int, parameters: Int) -> Double {
        Double(epochs) * Double(1 + Quantity.allCases.count * parameters) * 8
    }
    /// Number of parameters P (features + bias).
    public var parameterCount: Int { parameterNames.count }

    init(parameterNames: [String], seed: UInt64, epochs: Int) {
        self.parameterNames = parameterNames
        self.seed = seed
        loss = [Double](repeating: 0, count: epochs)
        values = Array(repeating: [Double](repeating: 0, count: epochs * parameterNames.count),
                       count: Quantity.allCases.count)
    }

    /// The value of `quantity` for parameter `p` at epoch `e`.
    public func value(_ quantity: Quantity, parameter p: Int, epoch e: Int) -> Double {
        values[Self.slot(quantity)][e * parameterCount + p]
    }

    /// The series of `quantity` for parameter `p` over all epochs.
    /// - Complexity: O(epochs).
    public func series(_ quantity: Quantity, parameter p: Int) -> [Double] {
        let column = values[Self.slot(quantity)]
        let stride = parameterCount
        return (0..<epochCount).map { column[$0 * stride + p] }
    }

    /// True when the loss and every recorded value at epoch `e` are finite.
    func isFinite(epoch e: Int) -> Bool {
        let p = parameterCount
        return loss[e].isFinite && values.allSatisfy { column in
            column[(e * p)..<(e * p + p)].allSatisfy(\.isFinite)
        }
    }

    static func slot(_ quantity: Quantity) -> Int {
        Quantity.allCases.firstIndex(of: quantity)!
    }
}
