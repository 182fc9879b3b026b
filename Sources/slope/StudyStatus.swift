import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput
import SlopeStudy

/// `slope study status STORE`: counts, the best trial, times and memory, failures.
struct StudyStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Summarise a study store.")

    @Argument(help: "The trial store (SQLite).") var store: String
    @Flag(help: "Print only the counts line.") var quiet = false

    func run() throws {
        let study = try StudyStatusJob.read(store: store)
        let spec = study.spec
        print("study \(spec.name): \(study.trials.count) trials: \(study.count(.done)) done, \(study.count(.failed)) failed, "
              + "\(study.count(.running)) running, \(study.count(.pending)) pending")
        guard !quiet else { return }
        print("created \(study.createdAt); sampler \(spec.sampler.rawValue), seed \(spec.seed)")
        for best in study.best {
            print("best \(best.objective.name) (\(best.objective.direction.rawValue)): \(best.value) in trial \(best.trial): "
                  + best.parameters.entries.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
        }
        let walls = study.trials.compactMap(\.wallTime), memory = study.trials.compactMap(\.peakRSS).map(Double.init)
        if let median = Median.of(walls), let max = walls.max() {
            print(String(format: "wall time: %.1f s in all, median %.2f s, max %.2f s", walls.reduce(0, +), median, max))
        }
        if let median = Median.of(memory), let max = memory.max() {
            print(String(format: "peak memory: median %.1f MB, max %.1f MB", median / 1e6, max / 1e6))
        }
        for t in study.trials where t.state == .failed {
            let last = t.stderrTail?.split(whereSeparator: \.isNewline).last.map { ": \($0)" } ?? ""
            print("failed trial \(t.id): \(t.failure ?? "unknown")\(last)")
        }
    }
}
