import SlopeCore

extension OptunaStudy {
    /// The trials slope keeps: finished ones (COMPLETE, FAIL, PRUNED); running and waiting
    /// trials are left out.
    var finishedTrials: [Trial] { trials.filter { ["COMPLETE", "FAIL", "PRUNED"].contains($0.state) } }

    /// The study as a slope spec, so that an imported store reads like one slope ran. Its
    /// command is a placeholder: an imported study is analysed, not run.
    /// - Throws: `SlopeError.store` when the parameters' conditions cannot be formed (never
    ///   for Optuna's unconditional distributions).
    public func spec() throws -> StudySpec {
        let parameters = distributions.map { Parameter(name: $0.name, domain: $0.distribution.domain) }
        for o in objectives where parameters.contains(where: { $0.name == o.name }) || SpecReader.exportColumns.contains(o.name) {
            throw SlopeError.store(file: path, reason: "the objective \"\(o.name)\" of study \"\(name)\" is also a parameter or an export column")
        }
        let space: ParameterSpace
        do { space = try ParameterSpace(parameters: parameters) } catch {
            throw SlopeError.store(file: path, reason: "the parameters of study \"\(name)\" cannot form a space")
        }
        var spec = StudySpec(name: name, trials: max(1, finishedTrials.count), seed: 0, sampler: .random,
                             objectives: objectives, run: .command([Self.placeholderCommand]), timeout: nil,
                             space: space, folder: "", source: "")
        spec.source = SpecWriter.yaml(spec, comments: [
            "Imported from the Optuna storage \(path), study \"\(name)\", by slope study import.",
            "Not runnable: the trials were run by Optuna.",
        ])
        return spec
    }

    /// The command of an imported spec: no program of that name is expected to exist.
    static let placeholderCommand = "optuna-imported-study"
}

extension StudySpec {
    /// True for a spec made by `study import`: its trials were run by another tool, with its
    /// own sampler and seed.
    public var isImported: Bool { run == .command([OptunaStudy.placeholderCommand]) }
}

extension OptunaStudy {
    /// Why a trial has no value.
    private func failure(_ t: Trial) -> String {
        t.state == "FAIL" ? "failed in Optuna" : "complete without a finite value"
    }

    /// The finished trials as slope records them: COMPLETE → done with the objective values as
    /// metrics; PRUNED → pruned with its last intermediate value (of the first objective, the
    /// one Optuna's pruners read) as metrics and its step, when it reported one; FAIL →
    /// failed. Trial ids are Optuna's numbers + 1.
    public func storedTrials() -> [StoredTrial] {
        finishedTrials.map { t in
            let complete = t.state == "COMPLETE" && t.values.allSatisfy { $0 != nil }
            let values = zip(objectives, t.values).compactMap { o, v in v.map { (name: o.name, value: $0) } }
            if t.state == "PRUNED" {
                let last = t.lastIntermediate
                return StoredTrial(
                    id: t.number + 1, parameters: TrialParameters(t.parameters), seed: 0, state: .pruned,
                    metrics: last.map { TrialMetrics([(objectives[0].name, $0.value)]) }, wallTime: t.duration, peakRSS: nil,
                    worker: "optuna", startedAt: nil, finishedAt: nil, attempts: 1, failure: nil, stderrTail: nil, lastStep: last?.step)
            }
            return StoredTrial(
                id: t.number + 1, parameters: TrialParameters(t.parameters), seed: 0,
                state: complete ? .done : .failed, metrics: complete ? TrialMetrics(values) : nil, wallTime: t.duration, peakRSS: nil,
                worker: "optuna", startedAt: nil, finishedAt: nil, attempts: 1,
                failure: complete ? nil : failure(t), stderrTail: nil)
        }
    }

    /// The learning curves of the finished trials, as slope keeps step reports: each trial's
    /// intermediate values under the first objective's name, by slope trial id (Optuna's
    /// number + 1).
    public func stepReports() -> [Int: [StepReport]] {
        var reports: [Int: [StepReport]] = [:]
        for t in finishedTrials where !t.intermediate.isEmpty {
            reports[t.number + 1] = t.intermediate.map { StepReport(step: $0.step, metrics: TrialMetrics([(objectives[0].name, $0.value)])) }
        }
        return reports
    }
}
