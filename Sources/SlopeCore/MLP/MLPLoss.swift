import Foundation

/// The training loss of `MLPTrainer` on a batch of outputs: softmax cross-entropy for classes,
/// mean squared error for values. Both return the mean loss and its gradient with respect to
/// the output pre-activations; O(rows · outputs).
enum MLPLoss {
    /// Mean −log softmax(z)_y over the rows, the softmax shifted by the row maximum; the
    /// gradient (softmax − onehot) / rows. `correct` counts rows whose largest output is y.
    static func crossEntropy(_ z: [Double], classes y: [Int], outputs k: Int)
        -> (loss: Double, gradient: [Double], correct: Int) {
        var gradient = [Double](repeating: 0, count: z.count)
        var loss = 0.0, correct = 0
        let rows = y.count
        for (r, label) in y.enumerated() {
            let row = z[(r * k)..<(r * k + k)]
            let top = row.max()!
            var sum = 0.0
            for j in 0..<k { let e = exp(z[r * k + j] - top); gradient[r * k + j] = e; sum += e }
            for j in 0..<k { gradient[r * k + j] /= sum }
            loss -= log(gradient[r * k + label])
            gradient[r * k + label] -= 1
            if row.firstIndex(of: top)! - r * k == label { correct += 1 }
        }
        for i in gradient.indices { gradient[i] /= Double(rows) }
        return (loss / Double(rows), gradient, correct)
    }

    /// Mean (z − y)² over the rows; gradient 2 (z − y) / rows.
    static func squaredError(_ z: [Double], values y: [Double]) -> (loss: Double, gradient: [Double]) {
        let rows = Double(y.count)
        var loss = 0.0
        let gradient = zip(z, y).map { zi, yi -> Double in
            let d = zi - yi
            loss += d * d
            return 2 * d / rows
        }
        return (loss / rows, gradient)
    }
}
