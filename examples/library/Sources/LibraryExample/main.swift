import Foundation
import SlopeCore
import SlopeOutput

// The example tables ship with slope, in examples/data.
let data = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("data")

/// Prints each stage's progress as a percentage, at most once a percent.
final class Percent: ProgressReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var shown: [JobStage: Int] = [:]
    func report(_ stage: JobStage, done: Int, total: Int) {
        let percent = total > 0 ? 100 * done / total : 100
        lock.withLock {
            guard percent / 25 > (shown[stage] ?? -1) / 25 else { return }
            shown[stage] = percent
            print("  \(stage.rawValue) \(percent)%")
        }
    }
    func started(_ stage: JobStage) {}
}

do {
    // 1. Loss-landscape sensitivity: which features drive the lean network's fit (with its
    //    progress; a StopFlag in the context, raised from elsewhere, would stop it).
    let context = JobContext(progress: Percent(), stop: StopFlag())
    var training = TrainingOptions()
    training.epochs = 300
    training.restarts = 5
    let analysis = try AnalysisJob.run(AnalysisRequest(
        table: TableSource(path: data.appendingPathComponent("diabetes.csv").path,
                           columns: ColumnSelection(target: "progression")),
        training: training, reading: ReadingOptions(), includeHistory: false), context: context)
    let top = analysis.analysis.features.prefix(3).map { f in
        "\(f.name) (\(f.trend.label.rawValue), mean rho \(String(format: "%.2f", f.trend.meanRho ?? .nan)))"
    }
    print("diabetes: strongest d2 trends:", top.joined(separator: ", "))
    print("agreement with Spearman: \(analysis.analysis.agreement.count) of \(analysis.analysis.agreement.of) features")

    // 2. Which hyperparameters matter for the best 20 % of training runs (goal-oriented HSIC).
    var options = HSICOptions()
    options.measure = .target(Goal(boundary: .quantile(0.2)))
    options.permutations = 500
    let hsic = try HSICJob.run(HSICRequest(
        table: TableSource(path: data.appendingPathComponent("toy-trials.csv").path,
                           columns: ColumnSelection(targets: ["error"], log: ["lr"])),
        options: options))
    print("toy trials: significant at 0.05:", hsic.analysis.significant(at: 0.05).joined(separator: ", "))

    // 3. The same results as the command line renders them.
    print(HSICTable.render(hsic.analysis, alpha: 0.05), terminator: "")
} catch {
    // Every job throws SlopeError only: one line, settings named in words.
    print("error: \(error)")
    exit(2)
}
