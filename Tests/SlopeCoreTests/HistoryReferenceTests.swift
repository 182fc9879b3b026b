import Testing
@testable import SlopeCore

/// The derivative history against JAX nested autodiff, and the reading against SciPy.
@Suite struct HistoryReferenceTests {
    static let datasets = ["diabetes", "wine", "breast_cancer"]

    private func train(_ reference: Reference) throws -> (Design, History) {
        let design = try reference.design()
        var options = TrainingOptions()
        options.learningRate = reference.lr
        options.epochs = reference.epochs
        options.restarts = 1
        options.initial = InitialParameters(weights: reference.initial.weights, bias: reference.initial.bias)
        return (design, try Trainer.train(design, options: options)[0])
    }

    @Test(arguments: datasets)
    func everyRecordedQuantityMatchesJAX(_ name: String) throws {
        let reference = try Reference.load(name)
        let (design, history) = try train(reference)
        #expect(design.featureNames == reference.features)
        #expect(design.rowCount == reference.rows)
        let n = design.featureCount
        var worst = 0.0
        for epoch in reference.history {
            let e = epoch.epoch
            worst = max(worst, relativeError(history.loss[e], epoch.loss))
            let expected: [(Quantity, [Double])] = [
                (.weight, epoch.weights + [epoch.bias]),
                (.d1, epoch.d1 + [epoch.bias_d1]),
                (.d2, epoch.d2 + [epoch.bias_d2]),
                (.d3, epoch.d3 + [epoch.bias_d3]),
                (.d2Tape, epoch.d2_tape + [epoch.bias_d2_tape]),
                (.d3Tape, epoch.d3_tape + [epoch.bias_d3_tape]),
            ]
            for (quantity, values) in expected {
                #expect(values.count == n + 1)
                for p in 0...n {
                    let error = relativeError(history.value(quantity, parameter: p, epoch: e), values[p])
                    #expect(error <= 1e-9, "\(name) epoch \(e) \(quantity) \(history.parameterNames[p])")
                    worst = max(worst, error)
                }
            }
        }
        #expect(worst <= 1e-9)
    }

    @Test(arguments: datasets)
    func trendRhoMatchesSciPy(_ name: String) throws {
        let reference = try Reference.load(name)
        let (design, history) = try train(reference)
        for (convention, expected) in [(Convention.diag, reference.trend_rho), (.tape, reference.trend_rho_tape)] {
            let reading = try Reading(design: design, histories: [history], options: ReadingOptions(convention: convention))
            for (i, feature) in reference.features.enumerated() {
                let report = try #require(reading.features.first { $0.name == feature })
                let rho = try #require(report.trend.rho[0])
                #expect(abs(rho - expected[i]) <= 1e-9, "\(name) \(convention) \(feature)")
            }
        }
    }

    @Test(arguments: datasets)
    func baselinesMatchSciPy(_ name: String) throws {
        let reference = try Reference.load(name)
        // The reading's baselines are measured on the scaled columns (the raw ones are not
        // kept); scaling is positive-affine, so SciPy's values on the raw table must hold.
        let (design, history) = try train(reference)
        let reading = try Reading(design: design, histories: [history], options: ReadingOptions())
        for (i, feature) in reference.features.enumerated() {
            let report = try #require(reading.features.first { $0.name == feature })
            let spearman = try #require(report.spearman), pearson = try #require(report.pearson)
            #expect(relativeError(spearman.coefficient, reference.baselines.spearman[i]) <= 1e-9)
            #expect(relativeError(spearman.p, reference.baselines.spearman_p[i]) <= 1e-9)
            #expect(relativeError(pearson.coefficient, reference.baselines.pearson[i]) <= 1e-9)
            #expect(relativeError(pearson.p, reference.baselines.pearson_p[i]) <= 1e-9)
        }
    }
}
