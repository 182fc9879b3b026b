import Foundation
import SlopeCore

/// Where a study's trials are read from, told apart by the file: a table of trials (a name
/// ending .csv, .tsv or .txt), Optuna's SQLite storage (tables studies, trial_params) or
/// slope's own store (tables study, trial).
public enum TrialSource {
    /// The trials of `path` as a table for the analysis.
    /// - Parameters:
    ///   - study: the Optuna study's name (needed when the storage holds several).
    ///   - columns: the objectives (`targets`; for a CSV they must be given), type overrides,
    ///     and CSV columns that are neither objective nor hyperparameter (`ignored`).
    /// - Throws: `SlopeError` naming the file for anything unreadable.
    public static func table(path: String, study: String?, columns: ColumnSelection,
                             reader: CSVReader, missing: MissingValues = MissingValues()) throws -> TrialTable {
        if [".csv", ".tsv", ".txt"].contains(where: path.lowercased().hasSuffix) {
            let table = try reader.readMixed(path: path, missing: missing)
            let specPath = ExportedTrials.specPath(for: path)
            // An exported CSV with its spec beside it reads as the store it came from.
            if FileManager.default.fileExists(atPath: specPath) {
                let spec = try SpecReader.parse(try FileBytes.text(specPath), file: specPath, folder: "")
                let source = "\(path) (types and objectives from \(URL(fileURLWithPath: specPath).lastPathComponent))"
                return try TrialTable(spec: spec, trials: ExportedTrials.trials(table, spec: spec), source: source, columns: columns)
            }
            return try TrialTable(table: table, columns: columns)
        }
        let (spec, trials, source) = try read(path: path, study: study)
        return try TrialTable(spec: spec, trials: trials, source: source, columns: columns)
    }

    /// The spec and trials of a slope store or an Optuna study, and a name for messages.
    /// The file is opened once, read-only, and told apart by its tables (`TrialStore.reading`).
    public static func read(path: String, study: String?) throws -> (StudySpec, [StoredTrial], String) {
        if PostgresAddress.isURL(path) {
            let store = try StoreLocation.reading(path, study: study)
            let stored = try StoredStudy(store: store)
            return (stored.spec, stored.trials, "\(store.location) (study \"\(stored.spec.name)\")")
        }
        guard FileManager.default.fileExists(atPath: path) else { throw SlopeError.store(file: path, reason: "no such file") }
        let store: TrialStore
        do {
            store = try TrialStore.reading(path: path)
        } catch SlopeError.optunaStorage {
            let optuna = try OptunaStudy(path: path, study: study)
            return (try optuna.spec(), optuna.storedTrials(), "\(path) (Optuna study \"\(optuna.name)\")")
        }
        if let study { throw SlopeError.store(file: path, reason: "a slope store holds one study; the study name \"\(study)\" is for Optuna storages") }
        let stored = try StoredStudy(store: store)
        return (stored.spec, stored.trials, path)
    }
}
