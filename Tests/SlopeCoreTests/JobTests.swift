import Foundation
import Testing
@testable import SlopeCore
import SlopeOutput

/// The library entry points: requests checked where they are made, jobs wired to the methods.
@Suite struct JobTests {
    static let diabetes = Paths.exampleData("diabetes.csv").path

    @Test func settingsAreNamedByTheCaller() {
        let error = SlopeError.invalidSetting(.learningRate, reason: "must be a positive number")
        #expect(error.description == "learning rate: must be a positive number")
        #expect(error.message(naming: { "--\($0.rawValue)" }) == "--learningRate: must be a positive number")
        let diverged = SlopeError.diverged(restart: 2, epoch: 7)
        #expect(diverged.description.hasSuffix("try a smaller learning rate"))
        #expect(diverged.message(naming: { _ in "LR" }).hasSuffix("try a smaller LR"))
        #expect(SlopeError.ambiguousStudy(file: "o.db", studies: ["a", "b"]).message(naming: { _ in "STUDY" })
                == "o.db: the storage holds 2 studies (\"a\", \"b\"); choose one with STUDY")
    }

    @Test func aBadSettingStopsTheRequestBeforeAnyFileIsRead() throws {
        var training = TrainingOptions()
        training.learningRate = -1
        let missing = try TableSource(path: "/no/such/table.csv")
        #expect(throws: SlopeError.invalidSetting(.learningRate, reason: "must be a positive number")) {
            try AnalysisRequest(table: missing, training: training, reading: ReadingOptions())
        }
        #expect(throws: SlopeError.invalidSetting(.flat, reason: "must be in [0, 1)")) { try ReadingOptions(flat: 1) }
        #expect(throws: SlopeError.invalidSetting(.grid, reason: "must be between 3 and 401")) { try SurfaceOptions(grid: 2) }
        #expect(throws: SlopeError.invalidSetting(.sampleSize, reason: "must be at least 2")) {
            try HSICRequest(table: missing, sampleSize: 1)
        }
        #expect(throws: SlopeError.self) { try TableSource(path: "t.csv", delimiter: "\"") }
        #expect(throws: SlopeError.invalidSetting(.digits, reason: "give one digit (one vs rest) or two different digits")) {
            try MaskRequest(images: "/no/images", labels: "/no/labels", digits: [3, 3], reading: ReadingOptions())
        }
    }

    @Test func columnSelection() {
        let names = ["id", "a", "b", "y"]
        #expect(ColumnSelection().target(among: names) == "y")
        #expect(ColumnSelection(target: "a").target(among: names) == "a")
        let chosen = ColumnSelection(target: "y", ignored: ["id"])
        #expect(chosen.inputs(among: names, outputs: ["y"]) == ["a", "b"])
        #expect(ColumnSelection(inputs: ["b", "a", "y"]).inputs(among: names, outputs: ["y"]) == ["b", "a"])
        let trials = ColumnSelection(targets: ["error", "time"], maximize: ["time"])
        #expect(trials.direction(of: "time") == .maximize && trials.direction(of: "error") == .minimize)
        #expect(Direction.maximize.isBetter(2, than: 1) && Direction.minimize.isBetter(1, than: 2))
    }

    /// The job gives what the methods give when called one by one with the same settings
    /// (non-default ones, so that a setting the job drops shows).
    @Test func analysisJobIsThePipeline() throws {
        var training = TrainingOptions()
        training.activation = .sigmoid
        training.epochs = 40
        training.restarts = 2
        training.seed = 5
        let reading = try ReadingOptions(convention: .tape, flat: 0.2)
        let source = try TableSource(path: Self.diabetes, columns: ColumnSelection(target: "bmi", ignored: ["sex"]))
        let request = try AnalysisRequest(table: source, featureScaling: .zScore, training: training, reading: reading,
                                          includeHistory: false, surface: SurfaceOptions(grid: 5, plane: .pca))
        let result = try AnalysisJob.run(request)

        let design = try Design(table: CSVReader().read(path: Self.diabetes), options: DesignOptions(
            target: "bmi", drop: ["sex"], featureScaling: .zScore, targetScaling: Activation.sigmoid.targetScaling))
        let histories = try Trainer.train(design, options: training)
        let expected = Reading(design: design, histories: histories, options: reading)
        #expect(result.design.featureNames == design.featureNames && !design.featureNames.contains("sex"))
        #expect(result.design.x == design.x && result.design.target == design.target)
        #expect(result.analysis.features.map(\.name) == expected.features.map(\.name))
        #expect(result.analysis.features.map(\.trend.rho) == expected.features.map(\.trend.rho))
        #expect(result.analysis.settings.convention == .tape && result.analysis.history == nil)
        let surface = try #require(result.surface)
        #expect(surface.coordinates.count == 5)
        let direct = LossSurface(loss: NetworkLoss(design: design, activation: .sigmoid, loss: .mse),
                                 histories: histories, directions: .pca, grid: 5, span: 1)
        #expect(surface.loss == direct.loss)
    }

    @Test func hsicJobSubsamplesWhenAsked() throws {
        let source = try TableSource(path: Paths.exampleData("ishigami.csv").path, columns: ColumnSelection(target: "y"))
        var options = HSICOptions()
        options.permutations = 0
        let all = try HSICJob.run(try HSICRequest(table: source, options: options))
        #expect(all.subsampledFrom == nil && all.analysis.rows == 200)
        let some = try HSICJob.run(try HSICRequest(table: source, sampleSize: 50, options: options))
        #expect(some.subsampledFrom == 200 && some.analysis.rows == 50)
        #expect(some.analysis.indices.map(\.hsic) != all.analysis.indices.map(\.hsic))
    }

    @Test func mlpJobMetrics() throws {
        var options = MLPOptions()
        options.epochs = 2
        options.width = 8
        let classes = try MLPJob.run(MLPRequest(source: .images(Paths.exampleData("digits-images.idx3-ubyte").path,
                                                                labels: Paths.exampleData("digits-labels.idx1-ubyte").path),
                                                options: options))
        #expect(classes.epochs.count == 2 && classes.metrics.epochs == 2)
        #expect(classes.metrics.accuracy == 1 - classes.metrics.error)
        let line = MetricsLine.render(classes.metrics)
        #expect(line.hasPrefix("{\"error\":\(classes.metrics.error),\"accuracy\":") && line.hasSuffix(",\"epochs\":2}"))
        let values = try MLPJob.run(MLPRequest(source: .csv(Self.diabetes, target: nil), options: options))
        #expect(values.metrics.accuracy == nil)
        #expect(!MetricsLine.render(values.metrics).contains("accuracy"))
    }
}
