import Foundation
import SlopeCore

/// Where a study's trials are read from, told apart by the file: a table of trials (a name
/// ending .csv, .tsv or .txt), Optuna's SQLite storage (tables studies, trial_params) or
/// slope's own store (tables study, trial).
public enum TrialSource {
    /// The trials of `path` as a table for the analysis and, when the study is known, which of
    /// its trials were read (`TrialSelection`) and its stage decisions.
    /// - Parameters:
    ///   - study: the Optuna study's name (needed when the storage holds several).
    ///   - columns: the objectives (`targets`; for a CSV they must be given), type overrides,
    ///     and CSV columns that are neither objective nor hyperparameter (`ignored`).
    ///   - selection: which trials of a slope study to read; a CSV without its spec and an
    ///     Optuna study are read whole (a stage is refused).
    ///   - opener: opens a store that is not a file (a PostgreSQL URL).
    /// - Throws: `SlopeError` naming the file for anything unreadable.
    public static func table(path: String, study: String?, columns: ColumnSelection, reader: CSVReader,
                             missing: MissingValues = MissingValues(),
                             selection: TrialSelection = .fromPrior,
                             opener: StoreOpener = .files) async throws -> (table: TrialTable, provenance: StudyProvenance?, curves: [LearningCurve]) {
        let spec: StudySpec, trials: [StoredTrial], source: String, decisions: [StageDecision]
        var reports: [Int: [StepReport]] = [:]
        if [".csv", ".tsv", ".txt"].contains(where: path.lowercased().hasSuffix) {
            let table = try reader.readMixed(path: path, missing: missing)
            let specPath = ExportedTrials.specPath(for: path)
            // An exported CSV with its spec beside it reads as the store it came from.
            guard FileManager.default.fileExists(atPath: specPath) else {
                if case .stage = selection { throw SlopeError.invalidSetting(.stage, reason: "a CSV without its spec (\(specPath)) has no stages") }
                return (try TrialTable(table: table, columns: columns), nil, [])
            }
            spec = try SpecReader.parse(try FileBytes.text(specPath), file: specPath, folder: "")
            source = "\(path) (types and objectives from \(URL(fileURLWithPath: specPath).lastPathComponent))"
            trials = try ExportedTrials.trials(table, spec: spec)
            decisions = []
        } else {
            let study = try await read(path: path, study: study, opener: opener)
            (spec, trials, source, decisions, reports) = (study.spec, study.trials, study.source, study.decisions, study.reports)
        }
        let chosen = try selection.apply(trials, spec: spec)
        let table = try TrialTable(spec: spec, trials: chosen.trials.map(\.observation), source: source, columns: columns)
        return (table, StudyProvenance(stages: spec.stages.map(\.name), read: chosen.read, decisions: decisions),
                curves(chosen.trials, reports: reports, objectives: table.objectives.map(\.name)))
    }

    /// The learning curve of each trial and objective it reported at a step.
    public static func curves(_ trials: [StoredTrial], reports: [Int: [StepReport]], objectives: [String]) -> [LearningCurve] {
        trials.flatMap { t -> [LearningCurve] in
            guard let steps = reports[t.id] else { return [] }
            return objectives.compactMap { name in
                let points = steps.compactMap { r in r.value(of: name).map { (r.step, $0) } }
                guard !points.isEmpty else { return nil }
                return LearningCurve(label: "\(t.id)", objective: name, steps: points.map(\.0), values: points.map(\.1), pruned: t.state == .pruned)
            }
        }
    }

    /// A study as read: spec, trials, stage decisions, the step reports of a slope study's
    /// trials (by trial id), and a name for messages.
    public struct ReadStudy: Sendable {
        public let spec: StudySpec
        public let trials: [StoredTrial]
        public let source: String
        public let decisions: [StageDecision]
        public var reports: [Int: [StepReport]] = [:]
    }

    /// The study of a slope store or an Optuna storage. The file is opened once, read-only,
    /// and told apart by its tables (`TrialStore.reading`).
    public static func read(path: String, study: String?, opener: StoreOpener = .files) async throws -> ReadStudy {
        if !opener.isFile(path) {
            let store = try await opener.reading(path, study: study)
            let (stored, reports) = try await store.closing { (try await StoredStudy(store: $0), try await $0.stepReports()) }
            return ReadStudy(spec: stored.spec, trials: stored.trials, source: "\(store.location) (study \"\(stored.spec.name)\")",
                             decisions: stored.decisions, reports: reports)
        }
        guard FileManager.default.fileExists(atPath: path) else { throw SlopeError.store(file: path, reason: "no such file", problem: .missing) }
        let store: TrialStore
        do {
            store = try TrialStore.reading(path: path)
        } catch SlopeError.optunaStorage {
            let optuna = try OptunaStudy(path: path, study: study)
            return ReadStudy(spec: try optuna.spec(), trials: optuna.storedTrials(), source: "\(path) (Optuna study \"\(optuna.name)\")",
                             decisions: [], reports: optuna.stepReports())
        }
        if let study { throw SlopeError.store(file: path, reason: "a slope store holds one study; the study name \"\(study)\" is for Optuna storages") }
        let stored = try await StoredStudy(store: store)
        return ReadStudy(spec: stored.spec, trials: stored.trials, source: path, decisions: stored.decisions,
                         reports: try await store.stepReports())
    }
}
