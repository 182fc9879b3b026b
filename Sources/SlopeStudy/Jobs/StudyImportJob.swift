import Foundation
import SlopeCore

/// Everything `slope study import` needs.
public struct StudyImportRequest: Sendable {
    /// Optuna's SQLite storage.
    public let optuna: String
    /// The Optuna study, when the storage holds several.
    public let study: String?
    /// The new slope store to write; it must not exist.
    public let store: String

    /// - Throws: `SlopeError.store` when the store already exists.
    public init(optuna: String, study: String? = nil, store: String) throws(SlopeError) {
        guard !FileManager.default.fileExists(atPath: store) else {
            throw SlopeError.store(file: store, reason: "already exists; import into a new store")
        }
        self.optuna = optuna
        self.study = study
        self.store = store
    }
}

/// What `slope study import` did.
public struct StudyImportResult: Sendable {
    /// What produced the result: the Optuna storage and study, the new store.
    public let request: StudyImportRequest
    /// The Optuna study's name.
    public let name: String
    public let trials: Int
    /// Trials that finished with values (the others failed or were pruned).
    public let done: Int
    /// Trials with intermediate values (Optuna's `trial.report`), kept as step reports: their
    /// learning curves.
    public let curves: Int
}

/// `slope study import` as a library call: an Optuna study copied into a new slope store.
public enum StudyImportJob {
    /// - Throws: `SlopeError` for a storage that is not Optuna's, an unknown or ambiguous study;
    ///   `.cancelled`, with no store written, when stopped before the store is written.
    public static func run(_ request: StudyImportRequest, context: JobContext = JobContext()) async throws(SlopeError) -> StudyImportResult {
        try await context.perform { context in try await copy(request, context) }
    }

    private static func copy(_ request: StudyImportRequest, _ context: JobContext) async throws -> StudyImportResult {
        let source = try OptunaStudy(path: request.optuna, study: request.study)
        let spec = try source.spec()
        // The store keeps the spec as text: it must read back as the same study.
        let reread = try SpecReader.parse(spec.source, file: "\(request.optuna) (Optuna study \"\(source.name)\")", folder: "")
        let fingerprint = try spec.fingerprint()
        guard try reread.fingerprint() == fingerprint else {
            throw SlopeError.store(file: request.optuna, reason: "study \"\(source.name)\" cannot be written as a slope spec")
        }
        let trials = source.storedTrials(), reports = source.stepReports()
        try context.checkStopped()
        // A store that could not be filled is removed, so that the same command can run again.
        do {
            let target = try await TrialStore(path: request.store)
            try await target.createImported(name: spec.name, spec: spec.source, fingerprint: fingerprint, trials: trials,
                                            reports: reports)
            await target.close()
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: request.store + suffix) }
            throw error
        }
        return StudyImportResult(request: request, name: source.name, trials: trials.count, done: trials.filter { $0.state == .done }.count,
                                 curves: reports.count)
    }
}
