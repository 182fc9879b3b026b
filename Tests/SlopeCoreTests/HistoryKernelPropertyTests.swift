import Testing
@testable import SlopeCore

/// Laws the derivative history obeys whatever the data.
@Suite struct HistoryKernelPropertyTests {
    /// A random table of `rows` × `features` plus a target, from `seed`.
    private func randomDesign(rows: Int, features: Int, seed: UInt64, activation: Activation = .tanh) throws -> Design {
        var g = SeededGenerator(seed: seed)
        let columns = (0...features).map { _ in (0..<rows).map { _ in g.nextNormal() } }
        let table = try Table(source: "random", columnNames: (0...features).map { "c\($0)" }, columns: columns)
        return try Design(table: table, options: DesignOptions(targetScaling: activation.targetScaling))
    }

    private func train(_ design: Design, _ configure: (inout TrainingOptions) -> Void = { _ in }) throws -> [History] {
        var options = TrainingOptions()
        options.epochs = 50
        options.restarts = 3
        configure(&options)
        return try Trainer.train(design, options: options)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func oneFeatureTapeEqualsDiagonal(_ seed: UInt64) throws {
        let histories = try train(try randomDesign(rows: 40, features: 1, seed: seed))
        // s = x when n = 1, so the tape sums equal the diagonal up to the order of rounding.
        for h in histories {
            for (diag, tape) in [(Quantity.d2, Quantity.d2Tape), (.d3, .d3Tape)] {
                let a = h.series(diag, parameter: 0), b = h.series(tape, parameter: 0)
                let scale = b.map(abs).max()!  // relative to the series' size: d3 crosses zero
                let worst = zip(a, b).map { abs($0 - $1) / scale }.max()!
                #expect(worst < 1e-13, "\(diag) vs \(tape)")
            }
        }
    }

    @Test(arguments: Activation.allCases)
    func fullBatchStepsFollowTheRecordedGradient(_ activation: Activation) throws {
        let design = try randomDesign(rows: 30, features: 4, seed: 9, activation: activation)
        let h = try train(design) { $0.activation = activation; $0.learningRate = 0.05 }[0]
        for e in 0..<(h.epochCount - 1) {
            for p in 0..<h.parameterCount {
                let step = h.value(.weight, parameter: p, epoch: e) - 0.05 * h.value(.d1, parameter: p, epoch: e)
                #expect(h.value(.weight, parameter: p, epoch: e + 1) == step)
            }
        }
    }

    @Test func smallStepsNeverRaiseTheLoss() throws {
        let h = try train(try randomDesign(rows: 60, features: 5, seed: 4)) { $0.learningRate = 0.01 }
        for run in h { #expect(zip(run.loss, run.loss.dropFirst()).allSatisfy { $1 <= $0 }) }
    }

    @Test func mseSecondDerivativeOfIdentityIsTwiceTheMeanSquare() throws {
        // g(u) = (u − t)² has g'' = 2 and g''' = 0, so d2_i = 2 mean x_i², d3_i = 0 at every epoch.
        let design = try randomDesign(rows: 25, features: 3, seed: 6, activation: .identity)
        let h = try train(design) { $0.activation = .identity }[0]
        for i in 0..<3 {
            let meanSquare = (0..<25).map { design.x[$0 * 3 + i] * design.x[$0 * 3 + i] }.reduce(0, +) / 25
            #expect(h.series(.d2, parameter: i).allSatisfy { abs($0 - 2 * meanSquare) < 1e-14 })
            #expect(h.series(.d3, parameter: i).allSatisfy { $0 == 0 })
        }
    }

    @Test func sameSeedSameHistoryRestartsDiffer() throws {
        let design = try randomDesign(rows: 30, features: 3, seed: 8)
        let a = try train(design) { $0.batchSize = 7 }, b = try train(design) { $0.batchSize = 7 }
        for (x, y) in zip(a, b) { #expect(x.loss == y.loss && x.values == y.values) }
        #expect(a[0].loss != a[1].loss)
    }

    @Test func divergenceIsAnErrorNotNaN() throws {
        let design = try randomDesign(rows: 30, features: 3, seed: 2, activation: .identity)
        #expect(throws: SlopeError.self) {
            try train(design) { $0.activation = .identity; $0.learningRate = 1e6 }
        }
    }

    /// The summation order is fixed by the row chunks alone: the same bits in parallel or not,
    /// and for a restart computed alone or beside others.
    @Test func sumsDependNeitherOnThreadsNorOnGrouping() throws {
        let design = try randomDesign(rows: 2 * HistoryKernel.chunkRows + 37, features: 6, seed: 12)
        let kernel = HistoryKernel(design: design, activation: .tanh, loss: .mse)
        #expect(kernel.chunkCount == 3)
        var g = SeededGenerator(seed: 1)
        let tracks = (0..<3).map { _ in KernelTrack(theta: (0..<7).map { _ in g.nextNormal() }, target: 0, reads: nil) }
        let together = kernel.sums(tracks, parallel: true)
        #expect(together == kernel.sums(tracks, parallel: false))
        for r in 0..<3 { #expect(kernel.sums([tracks[r]], parallel: true)[0] == together[r]) }
        // And the training built on it: many rows (chunks in parallel) vs the restarts alone.
        let all = try train(design) { $0.epochs = 3; $0.restarts = 3 }
        let alone = try train(design) { $0.epochs = 3; $0.restarts = 1; $0.seed = 2 }
        #expect(all[2].loss == alone[0].loss && all[2].series(.d3Tape, parameter: 2) == alone[0].series(.d3Tape, parameter: 2))
    }

    @Test func initMustMatchTheFeatures() throws {
        let design = try randomDesign(rows: 10, features: 3, seed: 2)
        #expect(throws: SlopeError.self) {
            try train(design) { $0.initial = InitialParameters(weights: [1, 2], bias: 0) }
        }
    }
}
