import ArgumentParser
import Foundation
import SlopeCore
import SlopeStudy

/// `slope study status STORE`: counts, the best trial, times and memory, failures.
struct StudyStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Summarise a study store.")

    @Argument(help: "The trial store (SQLite).") var store: String
    @Flag(help: "Print only the counts line.") var quiet = false

    func run() throws {
        let study = try StoredStudy(store: TrialStore.existing(path: store))
        let spec = study.spec, trials = study.trials
        let count = { (s: TrialState) in trials.filter { $0.state == s }.count }
        print("study \(spec.name): \(trials.count) trials: \(count(.done)) done, \(count(.failed)) failed, "
              + "\(count(.running)) running, \(count(.pending)) pending")
        guard !quiet else { return }
        print("created \(study.createdAt); sampler \(spec.sampler.rawValue), seed \(spec.seed)")
        for objective in spec.objectives {
            let done = trials.compactMap { t in t.metrics[objective.name].map { (t, $0) } }
            guard let best = done.min(by: { objective.isBetter($0.1, than: $1.1) }) else { continue }
            print("best \(objective.name) (\(objective.direction.rawValue)): \(best.1) in trial \(best.0.id): "
                  + spec.space.values(fromJSON: best.0.parametersJSON).map { "\($0.name)=\($0.value)" }.joined(separator: " "))
        }
        let walls = trials.compactMap(\.wallTime), memory = trials.compactMap(\.peakRSS).map(Double.init)
        if !walls.isEmpty {
            print(String(format: "wall time: %.1f s in all, median %.2f s, max %.2f s", walls.reduce(0, +), Median.of(walls)!, walls.max()!))
        }
        if !memory.isEmpty {
            print(String(format: "peak memory: median %.1f MB, max %.1f MB", Median.of(memory)! / 1e6, memory.max()! / 1e6))
        }
        for t in trials where t.state == .failed {
            let last = t.stderrTail?.split(whereSeparator: \.isNewline).last.map { ": \($0)" } ?? ""
            print("failed trial \(t.id): \(t.failure ?? "unknown")\(last)")
        }
    }
}
