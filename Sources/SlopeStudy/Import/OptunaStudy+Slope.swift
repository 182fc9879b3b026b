import SlopeCore

extension OptunaStudy {
    /// The trials slope keeps: finished ones (COMPLETE, FAIL, PRUNED); running and waiting
    /// trials are left out.
    var finishedTrials: [Trial] { trials.filter { ["COMPLETE", "FAIL", "PRUNED"].contains($0.state) } }

    /// The study as a slope spec (YAML), so that an imported store reads like one slope ran.
    /// Its command is a placeholder: an imported study is analysed, not run.
    public func specText() -> String {
        var lines = [
            "# Imported from the Optuna storage \(path), study \"\(name)\", by slope study import.",
            "# Not runnable: the trials were run by Optuna.",
            "name: \(JSONText.quoted(name))",
            "trials: \(max(1, finishedTrials.count))",
            "sampler: random",
            "objectives: {\(objectives.map { "\(JSONText.quoted($0.name)): \($0.direction.rawValue)" }.joined(separator: ", "))}",
            "command: optuna-imported-study",
            "parameters:",
        ]
        lines += distributions.map { "  \(JSONText.quoted($0.name)): \($0.distribution.specEntry)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why a trial has no value, with the last intermediate value a pruned trial reported.
    private func failure(_ t: Trial) -> String {
        guard t.state == "PRUNED" else { return t.state == "FAIL" ? "failed in Optuna" : "complete without a finite value" }
        guard let last = t.lastIntermediate else { return "pruned by Optuna" }
        return "pruned by Optuna at step \(last.step) (last intermediate value \(last.value))"
    }

    /// The finished trials as slope records them: COMPLETE → done with the objective values as
    /// metrics; FAIL and PRUNED → failed. Trial ids are Optuna's numbers + 1.
    public func storedTrials() -> [StoredTrial] {
        finishedTrials.map { t in
            let complete = t.state == "COMPLETE" && t.values.allSatisfy { $0 != nil }
            let metrics = complete
                ? JSONText.object(zip(objectives, t.values).map { ($0.name, "\($1!)") }.sorted { $0.0 < $1.0 })
                : nil
            return StoredTrial(
                id: t.number + 1, parametersJSON: JSONText.object(t.parameters.map { ($0.name, $0.value.json) }), seed: 0,
                state: complete ? .done : .failed, metricsJSON: metrics, wallTime: t.duration, peakRSS: nil,
                worker: "optuna", startedAt: nil, finishedAt: nil, attempts: 1,
                failure: complete ? nil : failure(t), stderrTail: nil)
        }
    }
}
