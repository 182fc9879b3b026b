import Foundation
import Testing
@testable import SlopeCore

@Suite struct MLPTests {
    /// Back-propagation against central differences of the loss (a test-only check; the
    /// trainer itself never differentiates numerically), for every activation and both losses.
    @Test(arguments: MLPOptions.activations)
    func gradientMatchesCentralDifferences(_ activation: Activation) throws {
        var g = SeededGenerator(seed: 4)
        let rows = 5, inputs = 3
        let x = (0..<(rows * inputs)).map { _ in g.nextNormal() }
        let network = MLPNetwork(inputs: inputs, width: 4, depth: 2, outputs: 3, activation: activation, generator: &g)
        for targets in [MLPData.Targets.classes([0, 2, 1, 1, 0], labels: [0, 1, 2]),
                        .values([0.3, -1, 2, 0.5, 0.1], scale: 1)] {
            var net = network
            if case .values = targets {
                net = MLPNetwork(inputs: inputs, width: 4, depth: 2, outputs: 1, activation: activation, generator: &g)
            }
            let all = Array(0..<rows)
            let e = MLPTrainer.evaluate(net, x: x, targets: targets, rows: all)
            let grads = x.withUnsafeBufferPointer { net.gradient($0, rows: rows, forward: e.forward, outputGradient: e.gradient) }
            for l in net.parameters.indices {
                for k in net.parameters[l].indices {
                    let h = 1e-6
                    var plus = net, minus = net
                    plus.parameters[l][k] += h
                    minus.parameters[l][k] -= h
                    let numeric = (MLPTrainer.evaluate(plus, x: x, targets: targets, rows: all).loss
                        - MLPTrainer.evaluate(minus, x: x, targets: targets, rows: all).loss) / (2 * h)
                    #expect(abs(grads[l][k] - numeric) <= 1e-6 * max(1, abs(numeric)), "layer \(l) parameter \(k)")
                }
            }
        }
    }

    @Test func crossEntropyByHand() {
        // z = (0, ln 3): softmax (1/4, 3/4); label 1: loss −ln(3/4); gradient (1/4, −1/4).
        let r = MLPLoss.crossEntropy([0, log(3)], classes: [1], outputs: 2)
        #expect(abs(r.loss + log(0.75)) < 1e-15)
        #expect(abs(r.gradient[0] - 0.25) < 1e-15 && abs(r.gradient[1] + 0.25) < 1e-15)
        #expect(r.correct == 1)
    }

    func digits() throws -> MLPData {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let set = try ImageSet.read(images: root.appendingPathComponent("examples/data/digits-images.idx3-ubyte").path,
                                    labels: root.appendingPathComponent("examples/data/digits-labels.idx1-ubyte").path)
        return try MLPData(rows: set.pixels, features: 64, targets: set.labels.map(Double.init), classify: true,
                           validationShare: 0.2, splitSeed: 0)
    }

    @Test func learnsDigitsAndIsSeeded() throws {
        let data = try digits()
        #expect(data.trainCount == 1438 && data.validationCount == 359 && data.outputs == 10)
        var options = MLPOptions()
        options.epochs = 15
        let a = try MLPTrainer.train(data, options: options)
        #expect(a.last!.validationError < 0.1)
        #expect(a.last!.trainLoss < a.first!.trainLoss)
        #expect(try MLPTrainer.train(data, options: options) == a)
        options.seed = 1
        #expect(try MLPTrainer.train(data, options: options) != a)
    }

    @Test(arguments: MLPOptions.Optimizer.allCases)
    func everyOptimizerLowersTheLoss(_ optimizer: MLPOptions.Optimizer) throws {
        var options = MLPOptions()
        options.optimizer = optimizer
        options.lr = optimizer == .adam ? 0.001 : 0.05
        options.epochs = 5
        options.weightDecay = 1e-4
        let epochs = try MLPTrainer.train(try digits(), options: options)
        #expect(epochs.last!.validationLoss < epochs.first!.validationLoss * 0.8)
    }

    @Test func regressionErrorIsInTargetUnits() throws {
        // y = 3 x1 − 2 x2 + 10 with a linear network (depth 0): the validation MSE goes to ~0,
        // and the untrained error is of the order of var(y) in the original units.
        var g = SeededGenerator(seed: 8)
        let n = 400
        let x = (0..<(2 * n)).map { _ in g.nextNormal() }
        let y: [Double] = (0..<n).map { i in
            let a: Double = 3 * x[2 * i], b: Double = 2 * x[2 * i + 1]
            return a - b + 10
        }
        let data = try MLPData(rows: x, features: 2, targets: y, classify: false, validationShare: 0.25, splitSeed: 1)
        var options = MLPOptions()
        options.depth = 0
        options.lr = 0.05
        options.epochs = 40
        let epochs = try MLPTrainer.train(data, options: options)
        #expect(epochs.first!.validationError > 0.001)
        #expect(epochs.last!.validationError < 1e-4)
    }

    @Test func badOptionsAndDivergence() throws {
        var options = MLPOptions()
        options.lr = 0
        #expect(throws: SlopeError.invalidSetting(.learningRate, reason: "must be a positive number")) { try options.validate() }
        options = MLPOptions()
        options.activation = .swish
        #expect(throws: SlopeError.self) { try options.validate() }
        options = MLPOptions()
        options.optimizer = .sgd
        options.lr = 1e150
        options.depth = 0
        let data = try MLPData(rows: [1, 2, 3, 4, 5, 6, 7, 8], features: 1, targets: [1, 2, 3, 4, 5, 6, 7, 8],
                               classify: false, validationShare: 0.25, splitSeed: 0)
        #expect(throws: SlopeError.self) { try MLPTrainer.train(data, options: options) }
        #expect(throws: SlopeError.self) {
            try MLPData(rows: [1, 2], features: 1, targets: [1, 2], classify: false, validationShare: 0.5, splitSeed: 0)
        }
    }
}
