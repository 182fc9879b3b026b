import SlopeCore
import SlopeOutput

/// A study's trials as CSV: `id,state`, one column a parameter, one an objective, then
/// `wall_time_s,peak_rss_bytes`; with several objectives `pareto` (true for a trial on the
/// Pareto front); for a study with TPE or stages `placed_by,stage` (so that `study analyze`
/// can tell the trials drawn from the prior); for a study with a pruner `last_step` (the step
/// a pruned trial was stopped at; its objectives are that step's report); an empty cell where
/// a parameter is inactive or a value unknown.
public enum TrialsCSV {
    public static func render(_ study: StudyOverview) -> String {
        let spec = study.spec, trials = study.trials
        let names = spec.space.parameters.map(\.name), objectives = spec.objectives.map(\.name)
        let front = spec.objectives.count > 1 ? Set(study.pareto) : nil
        let adaptive = spec.isAdaptive, pruning = study.showsPruning
        var lines = [(["id", "state"] + names + objectives + ["wall_time_s", "peak_rss_bytes"] + (front == nil ? [] : ["pareto"])
                      + (adaptive ? ["placed_by", "stage"] : []) + (pruning ? ["last_step"] : []))
            .map(CSVField.escape).joined(separator: ",")]
        for t in trials {
            var cells = ["\(t.id)", t.state.rawValue]
            cells += names.map { t.parameters[$0]?.description ?? "" }
            cells += objectives.map { name in t.metric(name).map { "\($0)" } ?? "" }
            cells += [t.wallTime.map { "\($0)" } ?? "", t.peakRSS.map { "\($0)" } ?? ""]
            if let front { cells.append(front.contains(t.id) ? "true" : "false") }
            if adaptive { cells += [t.placement(in: spec).rawValue, "\(t.stage)"] }
            if pruning { cells.append(t.lastStep.map { "\($0)" } ?? "") }
            lines.append(cells.map(CSVField.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
