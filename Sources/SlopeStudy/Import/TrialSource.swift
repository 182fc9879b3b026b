import Foundation
import GRDB
import SlopeCore

/// Where a study's trials are read from, told apart by the file: a table of trials (a name
/// ending .csv, .tsv or .txt), Optuna's SQLite storage (tables studies, trial_params) or
/// slope's own store (tables study, trial).
public enum TrialSource {
    /// The trials of `path` as a table for the analysis.
    /// - Parameters:
    ///   - study: the Optuna study's name (needed when the storage holds several).
    ///   - columns: objectives and type overrides; for a CSV `objectives` must be given.
    ///   - ignore: CSV columns that are neither objective nor hyperparameter.
    /// - Throws: `SlopeError` / `StudyError` naming the file for anything unreadable.
    public static func table(path: String, study: String?, columns: StudyColumns, ignore: [String],
                             reader: CSVReader) throws -> TrialTable {
        if [".csv", ".tsv", ".txt"].contains(where: path.lowercased().hasSuffix) {
            var csv = TrialColumns(objectives: columns.objectives ?? [])
            csv.maximize = columns.maximize
            csv.ignore = ignore
            csv.log = columns.log
            csv.categorical = columns.categorical
            return try TrialTable(table: reader.readMixed(path: path), columns: csv)
        }
        let (spec, trials, source) = try read(path: path, study: study)
        return try TrialTable(spec: spec, trials: trials, source: source, columns: columns)
    }

    /// The spec and trials of a slope store or an Optuna study, and a name for messages.
    public static func read(path: String, study: String?) throws -> (StudySpec, [StoredTrial], String) {
        let tables = try tableNames(path)
        if tables.isSuperset(of: ["studies", "trial_params"]) {
            let optuna = try OptunaStudy(path: path, study: study)
            let source = "\(path) (Optuna study \"\(optuna.name)\")"
            let spec = try SpecReader.parse(optuna.specText(), file: source, folder: "")
            return (spec, optuna.storedTrials(), source)
        }
        guard tables.isSuperset(of: ["study", "trial"]) else {
            throw StudyError.store(path, "neither a slope study store nor an Optuna storage (SQLite tables: \(tables.sorted().joined(separator: ", ")))")
        }
        if let study { throw StudyError.store(path, "--study \(study): a slope store holds one study; --study is for Optuna storages") }
        let stored = try StoredStudy(store: TrialStore.existing(path: path))
        return (stored.spec, stored.trials, path)
    }

    /// The tables of the SQLite file at `path`, read without changing it.
    private static func tableNames(_ path: String) throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else { throw StudyError.store(path, "no such file") }
        var config = Configuration()
        config.readonly = true
        do {
            return try DatabaseQueue(path: path, configuration: config).read { db in
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            }
        } catch {
            throw StudyError.store(path, "not a CSV (by its name) and not an SQLite file")
        }
    }
}
