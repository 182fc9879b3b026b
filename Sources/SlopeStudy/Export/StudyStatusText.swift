import Foundation
import SlopeCore

/// `slope study status` as text: the counts line, then (unless `countsOnly`) when and how the
/// study was made, the best trial per objective, wall time and memory, and every failure.
public enum StudyStatusText {
    public static func render(_ study: StudyOverview, countsOnly: Bool) -> String {
        let spec = study.spec
        let pruning = study.showsPruning
        var lines = ["study \(spec.name): \(counted(study.trials.count, "trial")): \(study.count(.done)) done, \(study.count(.failed)) failed, "
                     + (pruning ? "\(study.count(.pruned)) pruned, " : "") + "\(study.count(.running)) running, \(study.count(.pending)) pending"]
        guard !countsOnly else { return lines[0] + "\n" }
        let made = spec.isImported ? "imported (its trials were run by Optuna)"
            : spec.stages.count > 1 ? "\(counted(spec.stages.count, "stage")), seed \(spec.seed)"
            : "sampler \(spec.sampler.rawValue), seed \(spec.seed)"
        lines.append("created \(study.createdAt); " + made)
        if spec.stages.count > 1 { lines += stageLines(study) }
        if let line = prunerLine(study) { lines.append(line) }
        lines += constraintLines(study)
        for best in study.best {
            lines.append("best \(best.objective.name) (\(best.objective.direction.rawValue)): \(best.value) in trial \(best.trial): "
                         + best.parameters.entries.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
        }
        if spec.objectives.count > 1 && !study.pareto.isEmpty {
            lines.append("Pareto front (\(spec.objectives.map(\.name).joined(separator: ", "))): \(counted(study.pareto.count, "trial")): "
                         + study.pareto.map(String.init).joined(separator: ", "))
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
            lines.append("worker \(w.name): \(w.done) done, \(w.failed) failed, " + (pruning ? "\(w.pruned) pruned, " : "")
                         + "\(w.running) running (\(state))\(seen)")
        }
        for t in study.trials where t.state == .failed {
            lines.append("failed trial \(t.id): \(t.failureLine)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The pruner and the steps its pruned trials were stopped at: "pruner median
    /// (startup_trials 5, warmup_steps 0): 7 trials pruned, at steps 2 to 9 (median 4)".
    static func prunerLine(_ study: StudyOverview) -> String? {
        guard let p = study.spec.pruner else { return nil }
        let settings = p.settings.map { "\($0.key) \($0.value)" }
        let steps = study.trials.compactMap { $0.state == .pruned ? $0.lastStep : nil }.sorted()
        var line = "pruner \(p.kind.rawValue) (\(settings.joined(separator: ", "))) on \(study.spec.primaryObjective.name): "
        line += "\(counted(steps.count, "trial")) pruned"
        if let low = steps.first, let high = steps.last, let median = Median.of(steps.map(Double.init)) {
            line += low == high ? ", at step \(low)" : ", at steps \(low) to \(high) (median \(String(format: "%g", median)))"
        }
        return line
    }

    /// How many done trials meet the constraints, and the constraints no trial reports.
    static func constraintLines(_ study: StudyOverview) -> [String] {
        let spec = study.spec
        guard !spec.constraints.isEmpty else { return [] }
        let done = study.trials.filter { $0.state == .done }
        let feasible = done.filter { spec.isFeasible($0.observation) }.count
        var lines = ["constraints \(spec.constraints.map(\.text).joined(separator: ", ")): \(feasible) of \(counted(done.count, "done trial")) meet them"
                     + (feasible == 0 && !done.isEmpty ? ", so no trial is best" : "")]
        for c in spec.unreportedConstraints(study.trials.map(\.observation)) {
            lines.append("constraint on \(Shown.quoted(c.name)): no trial reports it, so every trial breaks it (a misspelt metric?)")
        }
        return lines
    }

    /// One line a stage (its trials' states), and under a stage with `reduce:` its decision.
    static func stageLines(_ study: StudyOverview) -> [String] {
        var lines: [String] = []
        for (k, stage) in study.spec.stages.enumerated() {
            let trials = study.trials.filter { $0.stage == k }
            let counts = (study.spec.pruner == nil ? [TrialState.done, .failed, .running, .pending] : [.done, .failed, .pruned, .running, .pending]).map { s in "\(trials.filter { $0.state == s }.count) \(s.rawValue)" }
            lines.append("stage \(stage.name) (\(stage.sampler.rawValue)): \(counted(trials.count, "trial")): " + counts.joined(separator: ", "))
            guard stage.reduce != nil else { continue }
            guard let d = study.decisions.first(where: { $0.stage == k }) else {
                lines.append("  reduce: not decided yet (at the stage's first trial)")
                continue
            }
            let none = d.choices.allSatisfy { ($0.pValue ?? 1) > d.alpha }
            lines.append("  reduce on \(d.objective), \(counted(d.trials, "trial")) screened, goal \(String(format: "%.3g", d.goal)), alpha \(d.alpha)"
                         + (none ? ": nothing significant, so nothing fixed:" : ":"))
            for c in d.choices {
                if let value = c.fixed {
                    lines.append("    \(c.parameter): fixed at \(value) (\(c.pText))")
                } else if let low = c.low, let high = c.high {
                    lines.append("    \(c.parameter): kept, narrowed to [\(low), \(high)] (\(c.pText))")
                } else if !none, let p = c.pValue, p > d.alpha {
                    lines.append("    \(c.parameter): kept (\(c.pText); undecided: not shown to matter, nor not to)")
                } else {
                    lines.append("    \(c.parameter): kept (\(c.pText))")
                }
            }
        }
        return lines
    }
}
