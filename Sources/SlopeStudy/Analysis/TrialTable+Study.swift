import Foundation
import SlopeCore

/// How `study analyze` reads a study's trials: which objectives, and type overrides.
public struct StudyColumns: Sendable {
    /// Objectives to analyse; nil: the spec's objectives, then wall_time_s and peak_rss_bytes
    /// where the trials recorded them.
    public var objectives: [String]?
    /// Objectives (beyond the spec's) where larger is better.
    public var maximize: [String] = []
    public var log: [String] = []
    public var categorical: [String] = []

    public init() {}

    /// The objectives every slope trial records besides its metrics.
    public static let wallTime = "wall_time_s", peakMemory = "peak_rss_bytes"
}

extension TrialTable {
    /// The finished (done or failed) trials of a study as a table for the analysis.
    /// Hyperparameter types come from the spec: uniform and q_uniform → continuous,
    /// log_uniform_values → log, int_uniform → integer, a list of text → categorical, of
    /// true/false → boolean, of numbers → integer or continuous (ordered).
    /// - Throws: `StudyError` for an objective no trial recorded (listing those recorded), a
    ///   `--log` parameter with a value ≤ 0, or a name that is not a parameter.
    public init(spec: StudySpec, trials all: [StoredTrial], source: String, columns: StudyColumns) throws {
        let trials = all.filter { $0.state == .done || $0.state == .failed }
        guard !trials.isEmpty else { throw StudyError.store(source, "no finished trial to analyse") }
        let names = spec.space.parameters.map(\.name)
        for name in columns.log + columns.categorical where !names.contains(name) {
            throw StudyError.store(source, "\"\(name)\" is not a hyperparameter (hyperparameters: \(names.joined(separator: ", ")))")
        }
        let values = trials.map { Dictionary(uniqueKeysWithValues: spec.space.values(fromJSON: $0.parametersJSON).map { ($0.name, $0.value) }) }
        let parameters = try spec.space.parameters.map { p in
            try Self.input(p, values.map { $0[p.name] }, log: columns.log.contains(p.name),
                           categorical: columns.categorical.contains(p.name), source: source)
        }
        let metrics = trials.map(\.metrics)
        let recorded = Set(metrics.flatMap(\.keys))
        var wanted = columns.objectives ?? spec.objectives.map(\.name)
        if columns.objectives == nil {
            if trials.contains(where: { $0.wallTime != nil }) { wanted.append(StudyColumns.wallTime) }
            if trials.contains(where: { $0.peakRSS != nil }) { wanted.append(StudyColumns.peakMemory) }
        }
        let objectives = try wanted.map { name -> TrialObjective in
            let direction: Direction = spec.objectives.first { $0.name == name }.map { $0.direction == .maximize ? .maximize : .minimize }
                ?? (columns.maximize.contains(name) ? .maximize : .minimize)
            switch name {
            case StudyColumns.wallTime: return TrialObjective(name: name, direction: direction, values: trials.map(\.wallTime))
            case StudyColumns.peakMemory: return TrialObjective(name: name, direction: direction, values: trials.map { $0.peakRSS.map(Double.init) })
            default:
                guard recorded.contains(name) else {
                    let available = (recorded.sorted() + [StudyColumns.wallTime, StudyColumns.peakMemory]).joined(separator: ", ")
                    throw StudyError.store(source, "no trial recorded an objective \"\(name)\" (recorded: \(available))")
                }
                return TrialObjective(name: name, direction: direction, values: metrics.map { $0[name] })
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
        if case .logUniform = p.domain { isLog = true }
        if isLog {
            if let bad = numbers.compactMap({ $0 }).first(where: { $0 <= 0 }) {
                throw StudyError.store(source, "hyperparameter \"\(p.name)\" is read on a log scale but takes the value \(bad)")
            }
            return HSICInput(name: p.name, kind: .log, values: .real(numbers.map { $0.map(Foundation.log) }))
        }
        return .numbers(name: p.name, values: numbers)
    }
}
