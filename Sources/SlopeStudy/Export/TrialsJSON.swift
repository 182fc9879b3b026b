/// A study's trials as JSON (docs/study-json.md): the study, then every trial with its
/// parameters in spec order and every metric it reported.
public enum TrialsJSON {
    public static func render(_ study: StudyOverview) -> String {
        let spec = study.spec, trials = study.trials, createdAt = study.createdAt, decisions = study.decisions
        func optional(_ x: (some CustomStringConvertible)?) -> String { x.map { "\($0)" } ?? "null" }
        func text(_ s: String?) -> String { s.map(JSONText.quoted) ?? "null" }
        let objectives = JSONText.object(spec.objectives.map { ($0.name, JSONText.quoted($0.direction.rawValue)) })
        let front = Set(study.pareto)
        // Studies without a pruner keep the keys earlier versions wrote.
        let pruning = study.showsPruning
        let rows = trials.map { t in
            "    " + JSONText.object([
                ("id", "\(t.id)"), ("state", JSONText.quoted(t.state.rawValue)), ("parameters", t.parameters.json),
                ("metrics", t.metrics?.json ?? "null"), ("wall_time_s", optional(t.wallTime)),
                ("peak_rss_bytes", optional(t.peakRSS)), ("seed", "\(t.seed)"), ("attempts", "\(t.attempts)"),
                ("worker", text(t.worker)), ("started_at", text(t.startedAt)), ("finished_at", text(t.finishedAt)),
                ("failure", text(t.failure)), ("stderr_tail", text(t.stderrTail)),
                ("placed_by", JSONText.quoted(t.placement(in: spec).rawValue)), ("stage", "\(t.stage)"),
                ("pareto", front.contains(t.id) ? "true" : "false"),
            ] + (pruning ? [("last_step", optional(t.lastStep))] : []))
        }
        return """
            {"study": \(JSONText.quoted(spec.name)), "created_at": \(JSONText.quoted(createdAt)), \
            "sampler": \(JSONText.quoted(spec.sampler.rawValue)), "seed": \(spec.seed), "objectives": \(objectives),
             "spec": \(JSONText.quoted(spec.source)),
             "stage_decisions": [\(decisions.map(\.json).joined(separator: ", "))],
             "trials": [
            \(rows.joined(separator: ",\n"))
            ]}

            """
    }
}
