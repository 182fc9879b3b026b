import Foundation
import SlopeCore

/// A CSV that `study export` wrote, read back with its study's spec: the spec is kept beside
/// the CSV (`trials.csv` → `trials.spec.yaml`), so the trials keep their types (log, integer,
/// levels) and their objectives, including the measured wall time and memory.
public enum ExportedTrials {
    /// Where the spec of the CSV at `csv` is kept.
    public static func specPath(for csv: String) -> String {
        let url = URL(fileURLWithPath: csv)
        return url.deletingPathExtension().path + ".spec.yaml"
    }

    /// The trials of an exported CSV as stored trials of `spec`: parameters typed by their
    /// domains (an empty cell: inactive), objectives and measured values as metrics.
    /// - Throws: `SlopeError` naming the file, row and column of a cell the spec cannot hold.
    public static func trials(_ table: MixedTable, spec: StudySpec) throws -> [StoredTrial] {
        let byName = Dictionary(table.columns.map { ($0.name, $0) }) { first, _ in first }
        let column = { (name: String) in byName[name] }
        guard let ids = column("id"), let states = column("state") else {
            throw SlopeError.store(file: table.source, reason: "not a CSV of `study export` (no id and state columns)", problem: .notAStore)
        }
        let objectives = spec.objectives.map(\.name) + [RecordedObjective.wallTime, RecordedObjective.peakMemory]
        return try table.rowNumbers.indices.map { k in
            let row = table.rowNumbers[k]
            guard let id = ids.numbers[k].flatMap({ Int(exactly: $0) }) else {
                throw SlopeError.notANumber(file: table.source, row: row, column: ids.position, name: "id", text: ids.texts[k] ?? "")
            }
            let stateText = states.texts[k] ?? ""
            guard let state = TrialState(rawValue: stateText) else {
                throw SlopeError.store(file: table.source, reason: "row \(row): unknown state \(Shown.quoted(stateText))", problem: .damaged)
            }
            let parameters = try spec.space.parameters.compactMap { p -> TrialParameters.Entry? in
                guard let cells = column(p.name), let text = cells.texts[k] else { return nil }
                guard let value = p.domain.value(text: text) else {
                    throw SlopeError.store(file: table.source, reason: "row \(row), column \(cells.position) (\(Shown.bare(p.name))): \(Shown.quoted(text)) is not a value of the parameter", problem: .damaged)
                }
                return TrialParameters.Entry(name: p.name, value: value)
            }
            var metrics: [(name: String, value: Double)] = []
            for name in objectives {
                if let value = column(name)?.numbers[k] { metrics.append((name, value)) }
            }
            let measured = Set([RecordedObjective.wallTime, RecordedObjective.peakMemory])
            let reported = metrics.filter { !measured.contains($0.name) }
            let placementText = column("placed_by")?.texts[k]
            let placement = try placementText.map { text in
                guard let p = Placement(rawValue: text) else {
                    throw SlopeError.store(file: table.source, reason: "row \(row): unknown placed_by \(Shown.quoted(text))", problem: .damaged)
                }
                return p
            }
            let stageText = column("stage")?.texts[k]
            let stageNumber = stageText.map { Int($0) ?? -1 } ?? 0
            guard stageNumber >= 0 && stageNumber < spec.stages.count else {
                throw SlopeError.store(file: table.source, reason: "row \(row): stage \(Shown.quoted(stageText ?? "")) is not a stage of the spec (0 to \(spec.stages.count - 1))", problem: .damaged)
            }
            var lastStep: Int?
            if let steps = column("last_step"), let text = steps.texts[k] {
                guard let step = steps.numbers[k].flatMap({ Int(exactly: $0) }), step >= 0 else {
                    throw SlopeError.notANumber(file: table.source, row: row, column: steps.position, name: "last_step", text: text)
                }
                lastStep = step
            }
            return StoredTrial(id: id, parameters: TrialParameters(parameters), seed: 0, state: state,
                               metrics: reported.isEmpty ? nil : TrialMetrics(reported),
                               wallTime: metrics.first { $0.name == RecordedObjective.wallTime }?.value,
                               peakRSS: metrics.first { $0.name == RecordedObjective.peakMemory }.flatMap { Int(exactly: $0.value) },
                               worker: nil, startedAt: nil, finishedAt: nil, attempts: 1, failure: nil, stderrTail: nil,
                               placement: placement, stage: stageNumber, lastStep: lastStep)
        }
    }
}

extension Domain {
    /// A CSV cell's text as this domain's kind of value; nil when the domain cannot hold it.
    func value(text: String) -> ParameterValue? {
        switch self {
        case .uniform, .logUniform, .quantized: return Double(text).map(ParameterValue.real)
        case .intUniform, .logInt: return Int(text).map(ParameterValue.integer)
        case let .values(list): return list.first { $0.description == text }
        }
    }
}
