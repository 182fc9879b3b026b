import SlopeCore
import Foundation
import GRDB

/// The crash-safe record of one study: an SQLite file in WAL mode, every state change one
/// transaction, so a study killed at any moment loses at most the trials that were running.
/// Parameters and metrics are stored as JSON objects (docs/study-store.md).
public final class TrialStore: StudyStore {
    public let path: String
    public var location: String { path }
    private let database: any DatabaseWriter
    static let studyID = 1
    /// The file's device and inode when it was opened for writing (nil when read only).
    private let identity: FileIdentity?

    /// Opens (creating when needed) the store at `path` for running a study. An existing file
    /// that holds another tool's tables (an Optuna storage, any other database) is refused
    /// before anything is written to it.
    public init(path: String) async throws {
        self.path = path
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 {
            _ = try Self.slopeTables(path)
        }
        var config = Configuration()
        config.busyMode = .timeout(30)
        do {
            database = try await Self.openPool(path: path, configuration: config)
        } catch {
            throw SlopeError.store(file: path, reason: "cannot open the study store: \(Self.reason(error))", problem: .notAStore)
        }
        identity = FileIdentity(path: path)
    }

    /// Throws when the store's file is gone or is another file than the one opened: SQLite
    /// went on writing to the old one, and every result written since is lost.
    public func checkIntact() async throws {
        guard let identity else { return }
        guard let now = FileIdentity(path: path) else {
            throw SlopeError.store(file: path, reason: "the store file was deleted while the study ran: the results written to it are lost", problem: .vanished)
        }
        guard now == identity else {
            throw SlopeError.store(file: path, reason: "the store file was replaced by another file while the study ran: the results written to it are not in this one", problem: .vanished)
        }
    }

    /// Opens the pool and creates the tables, retrying while another process holds the lock.
    /// Switching a new file to WAL takes an exclusive lock that SQLite does not wait for (its
    /// busy handler is skipped where waiting could deadlock), so several workers opening a new
    /// store at once may see "database is locked" here; they retry for up to 30 s.
    private static func openPool(path: String, configuration: Configuration) async throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(30)
        var pause = 0.01
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try StoreSchema.prepare(pool)
                return pool
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && Date() < deadline {
                try await Task.sleep(for: .seconds(pause * Double.random(in: 0.5...1.5)))
                pause = min(pause * 2, 0.2)
            }
        }
    }

    /// Folds the write-ahead log into the file, so that the file alone holds the study (a
    /// user may copy it). Best effort: when another process still writes, the log stays and
    /// nothing is lost, so a failure here is not an error.
    deinit {
        guard let pool = database as? DatabasePool else { return }
        _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    public func close() async {
        guard let pool = database as? DatabasePool else { return }
        _ = try? await pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    private init(path: String, readOnly database: DatabaseQueue) {
        self.path = path
        identity = nil
        self.database = database
    }

    /// Opens an existing store to read it: read-only, never created or migrated, so reading
    /// a study changes nothing in its file.
    /// - Throws: `SlopeError.store` when `path` does not exist or is not a slope store
    ///   (`.optunaStorage` for Optuna's).
    public static func reading(path: String) throws -> TrialStore {
        guard FileManager.default.fileExists(atPath: path) else { throw SlopeError.store(file: path, reason: "no such study store", problem: .missing) }
        let (queue, tables) = try slopeTables(path)
        guard !tables.isEmpty else { throw SlopeError.store(file: path, reason: "not a study store (no tables)", problem: .notAStore) }
        return TrialStore(path: path, readOnly: queue)
    }

    /// The file at `path` opened read-only, with its tables: none (a store being created) or a
    /// slope store's.
    /// - Throws: `.optunaStorage` for Optuna's tables, `.store` for a file that is not SQLite
    ///   or holds other tables.
    private static func slopeTables(_ path: String) throws -> (DatabaseQueue, Set<String>) {
        let queue: DatabaseQueue, tables: Set<String>
        do {
            queue = try ReadOnlyDatabase.open(path)
            tables = try queue.read { try ReadOnlyDatabase.tableNames($0) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw SlopeError.store(file: path, reason: "a damaged SQLite file (\(reason(error))): neither slope nor Optuna can read it", problem: .damaged)
        } catch {
            throw SlopeError.store(file: path, reason: "not a study store (\(reason(error)))", problem: .notAStore)
        }
        if tables.isSuperset(of: ["studies", "trial_params"]) { throw SlopeError.optunaStorage(file: path) }
        guard tables.isEmpty || tables.isSuperset(of: ["study", "trial"]) else {
            throw SlopeError.store(file: path, reason: "not a slope study store (tables: \(Shown.list(tables.sorted())))", problem: .notAStore)
        }
        return (queue, tables)
    }


    public func study() async throws -> StudyRecord? {
        try await access {
            try await database.read { db in
                try Row.fetchOne(db, sql: "SELECT name, spec, fingerprint, created_at FROM study WHERE id = ?",
                                 arguments: [Self.studyID])
                    .map { row in
                        let cells = CheckedRow(row: row, file: path, place: "table study")
                        return StudyRecord(name: try cells.value("name"), spec: try cells.value("spec"),
                                           fingerprint: try cells.value("fingerprint"), createdAt: try cells.value("created_at"))
                    }
            }
        }
    }

    /// Records the study and all its trials as pending, in one transaction; when another
    /// process created the study first, changes nothing (the caller compares fingerprints).
    public func create(name: String, spec: String, fingerprint: String, plan: [PlannedTrial]) async throws {
        try await access {
            try await database.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO study (id, name, spec, fingerprint, created_at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [Self.studyID, name, spec, fingerprint, Self.now()])
                guard db.changesCount == 1 else { return }
                for t in plan {
                    try db.execute(sql: """
                        INSERT INTO trial (study_id, id, parameters, seed, state, placed_by, stage) VALUES (?, ?, ?, ?, 'pending', ?, ?)
                        """, arguments: [Self.studyID, t.id, t.parameters.json, Int64(t.seed), t.placement.rawValue, t.stage])
                }
            }
        }
    }

    /// Records a study run elsewhere (imported) with its finished trials and their step reports
    /// (by trial id; a learning curve each), in one transaction.
    public func createImported(name: String, spec: String, fingerprint: String, trials: [StoredTrial],
                               reports: [Int: [StepReport]] = [:]) async throws {
        try await access {
            try await database.write { db in
                try Self.insertStudy(db, name: name, spec: spec, fingerprint: fingerprint)
                for t in trials {
                    try db.execute(sql: """
                        INSERT INTO trial (study_id, id, parameters, seed, state, metrics, wall_time_s, peak_rss_bytes, worker,
                            attempts, failure, placed_by, stage, last_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [Self.studyID, t.id, t.parameters.json, Int64(t.seed), t.state.rawValue, t.metrics?.json,
                                        t.wallTime, t.peakRSS, t.worker, t.attempts, t.failure, t.placement?.rawValue, t.stage,
                                        t.lastStep])
                    try Self.insert(reports[t.id] ?? [], trial: t.id, attempt: t.attempts, db)
                }
            }
        }
    }

    private static func insertStudy(_ db: Database, name: String, spec: String, fingerprint: String) throws {
        try db.execute(sql: "INSERT INTO study (id, name, spec, fingerprint, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [studyID, name, spec, fingerprint, now()])
    }

    /// On a file store a worker is a process on this host (`WorkerIdentity`): its trials come
    /// back when that process is gone; `lease` is not used (no heartbeats are kept).
    @discardableResult
    public func reclaim(lease: Double, maxAttempts: Int) async throws -> Int {
        try await stamped { [self] db, version in
            let gone = try running(db).filter { WorkerIdentity.isGone($0.worker) }
            for (id, _) in gone {
                try db.execute(sql: """
                    UPDATE trial SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'pending' END,
                        failure = CASE WHEN attempts >= ? THEN ? ELSE failure END, worker = NULL, version = ?
                    WHERE study_id = ? AND id = ?
                    """, arguments: [maxAttempts, maxAttempts, StoredTrial.lostTooOften(maxAttempts), version, Self.studyID, id])
            }
            return gone.count
        }
    }

    public func liveRunning(lease: Double) async throws -> Int {
        try await access { try await database.read { db in try running(db).filter { !WorkerIdentity.isGone($0.worker) }.count } }
    }

    /// Id and worker of every running trial.
    private func running(_ db: Database) throws -> [(id: Int, worker: String)] {
        try Row.fetchAll(db, sql: "SELECT id, worker FROM trial WHERE study_id = ? AND state = 'running'", arguments: [Self.studyID])
            .map { row in
                let cells = CheckedRow(row: row, file: path, place: "table trial")
                return (try cells.value("id", as: Int.self), try cells.optional("worker", as: String.self) ?? "")
            }
    }

    /// A file store keeps no heartbeats: a worker lives while its process does.
    public func heartbeat(worker: String, trials: [StoredTrial]) async throws {}

    public func workers(lease: Double) async throws -> [WorkerRecord] {
        try await access {
            try await database.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT worker, SUM(state = 'done') AS done, SUM(state = 'failed') AS failed, SUM(state = 'pruned') AS pruned,
                        SUM(state = 'running') AS running FROM trial
                    WHERE study_id = ? AND worker IS NOT NULL GROUP BY worker ORDER BY MIN(started_at), worker
                    """, arguments: [Self.studyID]).map { row in
                    let cells = CheckedRow(row: row, file: path, place: "table trial")
                    let name: String = try cells.value("worker")
                    return WorkerRecord(name: name, done: try cells.value("done"), failed: try cells.value("failed"),
                                        pruned: try cells.value("pruned"), running: try cells.value("running"), lastSeen: nil, alive: !WorkerIdentity.isGone(name))
                }
            }
        }
    }

    @discardableResult
    public func retryFailed() async throws -> Int {
        try await stamped { db, version in
            try db.execute(sql: """
                UPDATE trial SET state = 'pending', failure = NULL, stderr_tail = NULL, version = ?
                WHERE study_id = ? AND state = 'failed'
                """, arguments: [version, Self.studyID])
            return db.changesCount
        }
    }

    public func pendingHead(space: ParameterSpace) async throws -> PendingHead? {
        try await access {
            try await database.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM trial WHERE study_id = ? AND state = 'pending' ORDER BY id LIMIT 1",
                                                 arguments: [Self.studyID]) else { return nil }
                let next = try trial(row, space: space)
                // A stage starts once every trial of the stages before it has finished.
                let earlier = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM trial WHERE study_id = ? AND stage < ? AND state IN ('pending', 'running')
                    """, arguments: [Self.studyID, next.stage]) ?? 0
                return PendingHead(trial: next, stageOpen: earlier == 0)
            }
        }
    }

    public func changes(since version: Int64, space: ParameterSpace) async throws -> StoreChanges {
        try await access {
            // One read transaction: one snapshot of the file.
            try await database.read { db in
                let counts = try Row.fetchOne(db, sql: "SELECT version, claims FROM study WHERE id = ?", arguments: [Self.studyID])
                    .map { CheckedRow(row: $0, file: path, place: "table study") }
                let trials = try Row.fetchAll(db, sql: "SELECT * FROM trial WHERE study_id = ? AND version > ? ORDER BY id",
                                              arguments: [Self.studyID, version]).map { row in
                    (try CheckedRow(row: row, file: path, place: "table trial").value("version", as: Int64.self), try trial(row, space: space))
                }
                return StoreChanges(version: try counts?.value("version") ?? 0, claims: try counts?.value("claims") ?? 0,
                                    trials: trials, decisions: try decisions(db, space: space))
            }
        }
    }

    public func claim(_ id: Int, worker: String, proposal: Proposal?, ifClaims claims: Int64?, space: ParameterSpace) async throws -> StoredTrial? {
        try await access {
            try await database.write { db in
                if let claims, try Int64.fetchOne(db, sql: "SELECT claims FROM study WHERE id = ?", arguments: [Self.studyID]) != claims {
                    return nil
                }
                let version = try nextVersion(db)
                try db.execute(sql: """
                    UPDATE trial SET parameters = coalesce(?, parameters), placed_by = coalesce(?, placed_by), state = 'running',
                        worker = ?, started_at = ?, finished_at = NULL, attempts = attempts + 1, version = ?
                    WHERE study_id = ? AND id = ? AND state = 'pending' AND NOT EXISTS (
                        SELECT 1 FROM trial AS e WHERE e.study_id = trial.study_id AND e.stage < trial.stage
                            AND e.state IN ('pending', 'running'))
                    """, arguments: [proposal?.parameters.json, proposal?.placement.rawValue, worker, Self.now(), version,
                                     Self.studyID, id])
                guard db.changesCount == 1 else { return nil }
                // A trial run again reports again.
                try db.execute(sql: "DELETE FROM step_report WHERE study_id = ? AND trial_id = ?", arguments: [Self.studyID, id])
                if let decision = proposal?.decision {
                    try db.execute(sql: "INSERT OR IGNORE INTO stage_decision (study_id, stage, decision, decided_at) VALUES (?, ?, ?, ?)",
                                   arguments: [Self.studyID, decision.stage, decision.json, Self.now()])
                }
                try raise(db, to: version, claim: true)
                return try Row.fetchOne(db, sql: "SELECT * FROM trial WHERE study_id = ? AND id = ?",
                                        arguments: [Self.studyID, id]).map { try trial($0, space: space) }
            }
        }
    }

    /// Runs `change` in a write transaction with the version the rows it changes are stamped
    /// with (it returns how many it changed), and raises the study's version to it when any
    /// did: every change to trials goes through here or `claim`.
    @discardableResult
    private func stamped(_ change: @escaping @Sendable (Database, Int64) throws -> Int) async throws -> Int {
        try await access {
            try await database.write { [self] db in
                let version = try nextVersion(db)
                let changed = try change(db, version)
                if changed > 0 { try raise(db, to: version) }
                return changed
            }
        }
    }

    /// The version the changes of the current write transaction are stamped with.
    private func nextVersion(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT version FROM study WHERE id = ?", arguments: [Self.studyID]) ?? 0) + 1
    }

    /// Raises the study's version to `version` (rows stamped with it were changed), counting
    /// a claim when `claim`.
    private func raise(_ db: Database, to version: Int64, claim: Bool = false) throws {
        try db.execute(sql: "UPDATE study SET version = ?, claims = claims + ? WHERE id = ?",
                       arguments: [version, claim ? 1 : 0, Self.studyID])
    }

    public func finish(_ trial: StoredTrial, worker: String, _ outcome: TrialOutcome) async throws -> Bool {
        try await stamped { db, version in
            let claim = "study_id = ? AND id = ? AND state = 'running' AND worker = ? AND attempts = ?"
            let arguments: StatementArguments = [version, Self.studyID, trial.id, worker, trial.attempts]
            switch outcome {
            case let .done(metrics, wall, rss):
                try db.execute(sql: """
                    UPDATE trial SET state = 'done', metrics = ?, wall_time_s = ?, peak_rss_bytes = ?, finished_at = ?,
                        failure = NULL, stderr_tail = NULL, version = ? WHERE \(claim)
                    """, arguments: [metrics.json, wall, rss, Self.now()] + arguments)
            case let .failed(reason, tail, wall, rss):
                try db.execute(sql: """
                    UPDATE trial SET state = 'failed', metrics = NULL, wall_time_s = ?, peak_rss_bytes = ?, finished_at = ?,
                        failure = ?, stderr_tail = ?, version = ? WHERE \(claim)
                    """, arguments: [wall, rss, Self.now(), reason, tail] + arguments)
            case let .pruned(last, wall, rss):
                try db.execute(sql: """
                    UPDATE trial SET state = 'pruned', metrics = ?, last_step = ?, wall_time_s = ?, peak_rss_bytes = ?,
                        finished_at = ?, failure = NULL, stderr_tail = NULL, version = ? WHERE \(claim)
                    """, arguments: [last.metrics.json, last.step, wall, rss, Self.now()] + arguments)
            }
            return db.changesCount
        } == 1
    }

    public func report(_ trial: StoredTrial, worker: String, _ reports: [StepReport]) async throws -> Bool {
        try await access {
            try await database.write { db in
                guard try Row.fetchOne(db, sql: """
                    SELECT 1 FROM trial WHERE study_id = ? AND id = ? AND state = 'running' AND worker = ? AND attempts = ?
                    """, arguments: [Self.studyID, trial.id, worker, trial.attempts]) != nil else { return false }
                try Self.insert(reports, trial: trial.id, attempt: trial.attempts, db)
                return true
            }
        }
    }

    /// Writes `reports` as attempt `attempt` of trial `trial`; a step already reported keeps
    /// its first report.
    private static func insert(_ reports: [StepReport], trial: Int, attempt: Int, _ db: Database) throws {
        for r in reports {
            try db.execute(sql: "INSERT OR IGNORE INTO step_report (study_id, trial_id, attempt, step, metrics) VALUES (?, ?, ?, ?, ?)",
                           arguments: [studyID, trial, attempt, r.step, r.json])
        }
    }

    public func peers(at step: Int, orLater: Bool) async throws -> StepPeers {
        try await access {
            try await database.read { db in
                let done = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trial WHERE study_id = ? AND state = 'done'",
                                            arguments: [Self.studyID]) ?? 0
                guard try db.tableExists("step_report") else { return StepPeers(entries: [], done: done) }
                // Only the reports of each trial's current attempt, not of one interrupted and
                // waiting to run again; SQLite takes the other columns of a MIN() group from the
                // row of the minimum.
                let rows = try Row.fetchAll(db, sql: """
                    SELECT r.trial_id, t.state, \(orLater ? "MIN(r.step) AS step" : "r.step"), r.metrics
                    FROM step_report AS r JOIN trial AS t ON t.study_id = r.study_id AND t.id = r.trial_id AND t.attempts = r.attempt
                    WHERE r.study_id = ? AND t.state <> 'pending' AND \(orLater ? "r.step >= ? GROUP BY r.trial_id" : "r.step = ?")
                    ORDER BY r.trial_id
                    """, arguments: [Self.studyID, step])
                return StepPeers(entries: try rows.map { row in
                    let cells = CheckedRow(row: row, file: path, place: "table step_report")
                    let id: Int = try cells.value("trial_id"), stateName: String = try cells.value("state")
                    guard let state = TrialState(rawValue: stateName) else {
                        throw SlopeError.store(file: path, reason: "trial \(id): unknown state \(Shown.quoted(stateName))", problem: .damaged)
                    }
                    return StepPeers.Entry(trial: id, state: state,
                                           report: try StepReport.decode(step: try cells.value("step"), try cells.value("metrics"), source: path))
                }, done: done)
            }
        }
    }

    public func stepReports() async throws -> [Int: [StepReport]] {
        try await access {
            try await database.read { db in
                guard try db.tableExists("step_report") else { return [:] }
                var curves: [Int: [StepReport]] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT r.trial_id, r.step, r.metrics FROM step_report AS r
                    JOIN trial AS t ON t.study_id = r.study_id AND t.id = r.trial_id AND t.attempts = r.attempt
                    WHERE r.study_id = ? ORDER BY r.trial_id, r.step
                    """, arguments: [Self.studyID]) {
                    let cells = CheckedRow(row: row, file: path, place: "table step_report")
                    curves[try cells.value("trial_id"), default: []]
                        .append(try StepReport.decode(step: try cells.value("step"), try cells.value("metrics"), source: path))
                }
                return curves
            }
        }
    }

    public func release(_ trial: StoredTrial, worker: String) async throws {
        try await stamped { db, version in
            try db.execute(sql: """
                UPDATE trial SET state = 'pending', worker = NULL, version = ?
                WHERE study_id = ? AND id = ? AND state = 'running' AND worker = ? AND attempts = ?
                """, arguments: [version, Self.studyID, trial.id, worker, trial.attempts])
            return db.changesCount
        }
    }

    public func decisions(space: ParameterSpace) async throws -> [StageDecision] {
        try await access { try await database.read { db in try decisions(db, space: space) } }
    }

    private func decisions(_ db: Database, space: ParameterSpace) throws -> [StageDecision] {
        // Stores of earlier versions, opened read-only, have no such table.
        guard try db.tableExists("stage_decision") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT stage, decision FROM stage_decision WHERE study_id = ? ORDER BY stage",
                                arguments: [Self.studyID]).map { row in
            try StageDecision.decode(try CheckedRow(row: row, file: path, place: "table stage_decision").value("decision"),
                                     space: space, source: path)
        }
    }

    public func trials(space: ParameterSpace) async throws -> [StoredTrial] {
        try await access {
            try await database.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM trial WHERE study_id = ? ORDER BY id", arguments: [Self.studyID])
                    .map { try trial($0, space: space) }
            }
        }
    }

    /// A trial row as a typed value: the store's JSON objects decoded here, once.
    private func trial(_ row: Row, space: ParameterSpace) throws -> StoredTrial {
        let id = try CheckedRow(row: row, file: path, place: "table trial").value("id", as: Int.self)
        let cells = CheckedRow(row: row, file: path, place: "trial \(id)")
        return try StoredTrial.checked(
            id: id, parameters: try cells.value("parameters"), seed: try cells.value("seed"), state: try cells.value("state"),
            metrics: try cells.optional("metrics"), wallTime: try cells.optional("wall_time_s"),
            peakRSS: try cells.optional("peak_rss_bytes"), worker: try cells.optional("worker"),
            startedAt: try cells.optional("started_at"), finishedAt: try cells.optional("finished_at"),
            attempts: try cells.value("attempts"), failure: try cells.optional("failure"),
            stderrTail: try cells.optional("stderr_tail"), placement: try optionalColumn("placed_by", cells),
            stage: try optionalColumn("stage", cells) ?? 0, lastStep: try optionalColumn("last_step", cells), space: space, source: path)
    }

    /// A column that stores of earlier versions, opened read-only, may lack: nil there.
    private func optionalColumn<T: DatabaseValueConvertible>(_ column: String, _ cells: CheckedRow) throws -> T? {
        cells.row.hasColumn(column) ? try cells.optional(column) : nil
    }

    /// Runs a database access, turning database errors into one-line store errors.
    private func access<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as SlopeError { throw error } catch {
            throw SlopeError.store(file: path, reason: Self.reason(error), problem: Self.problem(error))
        }
    }

    /// The kind of a database error: a lock held too long, a damaged file, or another failure.
    private static func problem(_ error: any Error) -> StoreProblem {
        guard let e = error as? DatabaseError else { return .unusable }
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .damaged
        default: return .unusable
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
