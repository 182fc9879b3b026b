import Foundation
import SlopeCore

/// The objectives every slope trial records besides its metrics.
public enum RecordedObjective {
    public static let wallTime = "wall_time_s", peakMemory = "peak_rss_bytes"
}

extension TrialTable {
    /// The finished (done, failed or pruned) trials of a study as a table for the analysis.
    /// Hyperparameter types come from the spec: uniform and q_uniform → continuous,
    /// log_uniform_values → log, int_uniform → integer, a list of text → categorical, of
    /// true/false → boolean, of numbers → integer or continuous (ordered).
    /// A pruned trial has no value; its last report (`lastStep` and its metrics) belongs to the
    /// spec's first objective (the one a trial reports as it goes and the pruner reads), for
    /// the target rule.
    /// - Throws: `SlopeError` for an objective no trial recorded (listing those recorded), a
    ///   log parameter with a value ≤ 0, or a name that is not a parameter.
    public init(spec: StudySpec, trials all: [TrialObservation], source: String, columns: ColumnSelection) throws {
        let trials = all.filter(\.state.isFinished)
        let first = spec.objectives[0].name
        let reports = trials.map { t -> StoppedEarly? in
            guard t.state == .pruned, let step = t.lastStep, let value = t.metric(first) else { return nil }
            return StoppedEarly(step: step, value: value)
        }
        let pruned = trials.map { $0.state == .pruned }
        // A pruned trial's numbers are its last report's, not a result.
        func value(_ t: TrialObservation, _ read: (TrialObservation) -> Double?) -> Double? { t.state == .pruned ? nil : read(t) }
        guard !trials.isEmpty else { throw SlopeError.store(file: source, reason: "no finished trial to analyse") }
        let names = spec.space.parameters.map(\.name)
        for name in columns.log + columns.categorical where !names.contains(name) {
            throw SlopeError.store(file: source, reason: "\"\(name)\" is not a hyperparameter (hyperparameters: \(names.joined(separator: ", ")))")
        }
        let parameters = try spec.space.parameters.map { p in
            try Self.input(p, trials.map { $0.parameters[p.name] }, log: columns.log.contains(p.name),
                           categorical: columns.categorical.contains(p.name), source: source)
        }
        // Ignoring columns is for a CSV of trials; a store's columns come from its spec.
        if let name = columns.ignored.first {
            throw SlopeError.invalidSetting(.ignore, reason: "\(Shown.quoted(name)): a study's hyperparameters and objectives come from its spec; columns are ignored in a CSV of trials only")
        }
        let recorded = Set(trials.flatMap { $0.metrics?.names ?? [] })
        let finishedCosts = trials.filter { $0.state != .pruned }
        var wanted = columns.targets ?? spec.objectives.map(\.name)
        if columns.targets == nil {
            if finishedCosts.contains(where: { $0.wallTime != nil }) { wanted.append(RecordedObjective.wallTime) }
            if finishedCosts.contains(where: { $0.peakRSS != nil }) { wanted.append(RecordedObjective.peakMemory) }
        }
        for name in columns.maximize {
            guard wanted.contains(name) else {
                throw SlopeError.invalidSetting(.maximize, reason: "\(Shown.quoted(name)) is not an objective analysed (\(wanted.joined(separator: ", ")))")
            }
            if let own = spec.objectives.first(where: { $0.name == name }), own.direction == .minimize {
                throw SlopeError.invalidSetting(.maximize, reason: "the study's spec minimises \(Shown.quoted(name)); its direction comes from the spec")
            }
        }
        let objectives = try wanted.map { name -> TrialObjective in
            let direction: Direction = spec.objectives.first { $0.name == name }?.direction
                ?? columns.direction(of: name)
            switch name {
            case RecordedObjective.wallTime:
                return TrialObjective(name: name, direction: direction, values: trials.map { value($0, \.wallTime) }, pruned: pruned)
            case RecordedObjective.peakMemory:
                return TrialObjective(name: name, direction: direction, values: trials.map { value($0) { $0.peakRSS.map(Double.init) } },
                                      pruned: pruned)
            default:
                guard recorded.contains(name) else {
                    let available = (recorded.sorted() + [RecordedObjective.wallTime, RecordedObjective.peakMemory]).joined(separator: ", ")
                    throw SlopeError.store(file: source, reason: "no trial recorded an objective \"\(name)\" (recorded: \(available))")
                }
                return TrialObjective(name: name, direction: direction, values: trials.map { value($0) { $0.metric(name) } },
                                      stopped: name == first ? reports : [], pruned: pruned)
            }
        }
        self.init(source: source, parameters: parameters, objectives: objectives, labels: trials.map { "\($0.id)" })
    }

    private static func input(_ p: Parameter, _ values: [ParameterValue?], log: Bool, categorical: Bool, source: String) throws -> HSICInput {
        let numbers = values.map { $0?.number }
        let isText = values.contains { if case .text = $0 { return true } else { return false } }
        if isText || categorical || values.allSatisfy({ if case .boolean = $0 { return true } else { return $0 == nil } }) {
            // Levels in the spec's order where it lists them.
            var order: [String] = []
            if case let .values(list) = p.domain { order = list.map(\.description) }
            return .levels(name: p.name, labels: values.map { $0?.description }, names: order)
        }
        var isLog = log
        switch p.domain {
        case .logUniform, .logInt: isLog = true
        default: break
        }
        if isLog {
            if let bad = numbers.compactMap({ $0 }).first(where: { $0 <= 0 }) {
                throw SlopeError.store(file: source, reason: "hyperparameter \"\(p.name)\" is read on a log scale but takes the value \(bad)")
            }
            return HSICInput(name: p.name, kind: .log, values: .real(numbers.map { $0.map(Foundation.log) }))
        }
        return .numbers(name: p.name, values: numbers)
    }
}
