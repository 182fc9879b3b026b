import Foundation
import SlopeCore

/// `slope study status` as text: the counts line, then (unless `countsOnly`) when and how the
/// study was made, the best trial per objective, wall time and memory, and every failure.
public enum StudyStatusText {
    public static func render(_ study: StudyOverview, countsOnly: Bool) -> String {
        let spec = study.spec
        var lines = ["study \(spec.name): \(study.trials.count) trials: \(study.count(.done)) done, \(study.count(.failed)) failed, "
                     + "\(study.count(.running)) running, \(study.count(.pending)) pending"]
        guard !countsOnly else { return lines[0] + "\n" }
        lines.append("created \(study.createdAt); sampler \(spec.sampler.rawValue), seed \(spec.seed)")
        for best in study.best {
            lines.append("best \(best.objective.name) (\(best.objective.direction.rawValue)): \(best.value) in trial \(best.trial): "
                         + best.parameters.entries.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
        }
        let walls = study.trials.compactMap(\.wallTime), memory = study.trials.compactMap(\.peakRSS).map(Double.init)
        if let median = Median.of(walls), let max = walls.max() {
            lines.append(String(format: "wall time: %.1f s in all, median %.2f s, max %.2f s", walls.reduce(0, +), median, max))
        }
        if let median = Median.of(memory), let max = memory.max() {
            lines.append(String(format: "peak memory: median %.1f MB, max %.1f MB", median / 1e6, max / 1e6))
        }
        for w in study.workers {
            let seen = w.lastSeen.map { String(format: ", last seen %.0f s ago", $0) } ?? ""
            let state = w.running == 0 ? "idle or gone" : w.alive ? "live" : "lease expired"
            lines.append("worker \(w.name): \(w.done) done, \(w.failed) failed, \(w.running) running (\(state))\(seen)")
        }
        for t in study.trials where t.state == .failed {
            let last = t.stderrTail?.split(whereSeparator: \.isNewline).last.map { ": \($0)" } ?? ""
            lines.append("failed trial \(t.id): \(t.failure ?? "unknown")\(last)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
