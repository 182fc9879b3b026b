import SlopeCore
import Foundation
import GRDB

/// The crash-safe record of one study: an SQLite file in WAL mode, every state change one
/// transaction, so a study killed at any moment loses at most the trials that were running.
public final class TrialStore: Sendable {
    public let path: String
    private let pool: DatabasePool
    static let studyID = 1

    /// Opens (creating when needed) the store at `path`.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(30)
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try StoreSchema.migrator.migrate(pool)
        } catch {
            throw SlopeError.store(file: path, reason: "cannot open the study store: \(Self.reason(error))")
        }
    }

    /// Opens an existing store; fails when `path` does not exist.
    public static func existing(path: String) throws -> TrialStore {
        guard FileManager.default.fileExists(atPath: path) else { throw SlopeError.store(file: path, reason: "no such study store") }
        return try TrialStore(path: path)
    }

    /// The stored study: its name, spec text and fingerprint, or nil for a new store.
    public func study() throws -> (name: String, spec: String, fingerprint: String, createdAt: String)? {
        try access {
            try pool.read { db in
                try Row.fetchOne(db, sql: "SELECT name, spec, fingerprint, created_at FROM study WHERE id = ?",
                                 arguments: [Self.studyID])
                    .map { ($0["name"], $0["spec"], $0["fingerprint"], $0["created_at"]) }
            }
        }
    }

    /// Records the study and all its trials as pending, in one transaction.
    public func create(name: String, spec: String, fingerprint: String, plan: [PlannedTrial]) throws {
        try access {
            try pool.write { db in
                try Self.insertStudy(db, name: name, spec: spec, fingerprint: fingerprint)
                for t in plan {
                    try db.execute(sql: "INSERT INTO trial (study_id, id, parameters, seed, state) VALUES (?, ?, ?, ?, 'pending')",
                                   arguments: [Self.studyID, t.id, t.parametersJSON, Int64(t.seed)])
                }
            }
        }
    }

    /// Records a study run elsewhere (imported) with its finished trials, in one transaction.
    public func createImported(name: String, spec: String, fingerprint: String, trials: [StoredTrial]) throws {
        try access {
            try pool.write { db in
                try Self.insertStudy(db, name: name, spec: spec, fingerprint: fingerprint)
                for t in trials {
                    try db.execute(sql: """
                        INSERT INTO trial (study_id, id, parameters, seed, state, metrics, wall_time_s, peak_rss_bytes, worker,
                            attempts, failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [Self.studyID, t.id, t.parametersJSON, Int64(t.seed), t.state.rawValue, t.metricsJSON,
                                        t.wallTime, t.peakRSS, t.worker, t.attempts, t.failure])
                }
            }
        }
    }

    private static func insertStudy(_ db: Database, name: String, spec: String, fingerprint: String) throws {
        try db.execute(sql: "INSERT INTO study (id, name, spec, fingerprint, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [studyID, name, spec, fingerprint, now()])
    }

    /// Puts running trials back to pending when `isAbandoned(worker)` says their worker is gone;
    /// returns how many.
    @discardableResult
    public func releaseAbandoned(_ isAbandoned: @Sendable (String) -> Bool) throws -> Int {
        try access {
            try pool.write { db in
                let running = try Row.fetchAll(db, sql: "SELECT id, worker FROM trial WHERE study_id = ? AND state = 'running'",
                                               arguments: [Self.studyID])
                var released = 0
                for row in running where isAbandoned(row["worker"] ?? "") {
                    try db.execute(sql: "UPDATE trial SET state = 'pending', worker = NULL WHERE study_id = ? AND id = ?",
                                   arguments: [Self.studyID, row["id"] as Int])
                    released += 1
                }
                return released
            }
        }
    }

    /// Puts failed trials back to pending (`--retry-failed`); returns how many.
    @discardableResult
    public func retryFailed() throws -> Int {
        try access {
            try pool.write { db in
                try db.execute(sql: "UPDATE trial SET state = 'pending', failure = NULL, stderr_tail = NULL WHERE study_id = ? AND state = 'failed'",
                               arguments: [Self.studyID])
                return db.changesCount
            }
        }
    }

    /// Atomically takes the first pending trial for `worker` and marks it running.
    public func claim(worker: String) throws -> StoredTrial? {
        try access {
            try pool.write { db in
                guard let id = try Int.fetchOne(db, sql: "SELECT id FROM trial WHERE study_id = ? AND state = 'pending' ORDER BY id LIMIT 1",
                                                arguments: [Self.studyID]) else { return nil }
                try db.execute(sql: """
                    UPDATE trial SET state = 'running', worker = ?, started_at = ?, finished_at = NULL,
                        attempts = attempts + 1 WHERE study_id = ? AND id = ? AND state = 'pending'
                    """, arguments: [worker, Self.now(), Self.studyID, id])
                return try Self.fetch(db, id: id)
            }
        }
    }

    /// Records how the running trial `id` ended.
    public func finish(id: Int, _ outcome: TrialOutcome) throws {
        try access {
            try pool.write { db in
                switch outcome {
                case let .done(metrics, wall, rss):
                    try db.execute(sql: """
                        UPDATE trial SET state = 'done', metrics = ?, wall_time_s = ?, peak_rss_bytes = ?, finished_at = ?,
                            failure = NULL, stderr_tail = NULL WHERE study_id = ? AND id = ? AND state = 'running'
                        """, arguments: [metrics, wall, rss, Self.now(), Self.studyID, id])
                case let .failed(reason, tail, wall, rss):
                    try db.execute(sql: """
                        UPDATE trial SET state = 'failed', metrics = NULL, wall_time_s = ?, peak_rss_bytes = ?, finished_at = ?,
                            failure = ?, stderr_tail = ? WHERE study_id = ? AND id = ? AND state = 'running'
                        """, arguments: [wall, rss, Self.now(), reason, tail, Self.studyID, id])
                }
            }
        }
    }

    /// Puts the running trial `id` back to pending (its run was interrupted).
    public func release(id: Int) throws {
        try access {
            try pool.write { db in
                try db.execute(sql: "UPDATE trial SET state = 'pending', worker = NULL WHERE study_id = ? AND id = ? AND state = 'running'",
                               arguments: [Self.studyID, id])
            }
        }
    }

    /// Every trial, by id.
    public func trials() throws -> [StoredTrial] {
        try access {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM trial WHERE study_id = ? ORDER BY id", arguments: [Self.studyID])
                    .map(Self.trial)
            }
        }
    }

    private static func fetch(_ db: Database, id: Int) throws -> StoredTrial? {
        try Row.fetchOne(db, sql: "SELECT * FROM trial WHERE study_id = ? AND id = ?", arguments: [studyID, id]).map(trial)
    }

    private static func trial(_ row: Row) -> StoredTrial {
        StoredTrial(id: row["id"], parametersJSON: row["parameters"], seed: UInt64(row["seed"] as Int64),
                    state: TrialState(rawValue: row["state"]) ?? .pending, metricsJSON: row["metrics"],
                    wallTime: row["wall_time_s"], peakRSS: row["peak_rss_bytes"], worker: row["worker"],
                    startedAt: row["started_at"], finishedAt: row["finished_at"], attempts: row["attempts"],
                    failure: row["failure"], stderrTail: row["stderr_tail"])
    }

    /// Runs a database access, turning database errors into one-line store errors.
    private func access<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as SlopeError { throw error } catch {
            throw SlopeError.store(file: path, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
