import SlopeStudy
import Foundation
import Logging
import NIOPosix
import PostgresNIO
import SlopeCore
import Synchronization

/// A study store in a PostgreSQL database, shared by workers on any number of hosts: claims
/// by a compare-and-set on the study's claim count, leases renewed by heartbeats stamped with
/// the server's clock, results accepted only while the claim holds (docs/distributed.md). Two
/// connections per store (one per worker process, whatever its number of jobs, and one for
/// its heartbeats); a lost connection is reconnected with backoff for `retryWindow` seconds
/// from the start of the outage while the trials keep running.
public final class PostgresStore: StudyStore, Sendable {
    public let address: PostgresAddress
    /// The study this store reads and writes (a database holds many, by name).
    public let studyName: String
    public var location: String { address.shown }
    /// Seconds an operation retries a lost connection before it fails.
    public let retryWindow: Double
    /// The clock leases are stamped and judged by.
    public let clock: LeaseClock
    /// Claims, results and reads.
    private let work: ConnectionLane
    /// Heartbeats, which must not wait behind a claim.
    private let beats: ConnectionLane
    private let cachedStudyID = Mutex<Int64?>(nil)

    /// Connects (creating the tables when needed) to run the study `study`.
    /// - Throws: `SlopeError.store` with the server's reason when the connection is refused
    ///   (no server, wrong password, no database, too many connections).
    public init(address: PostgresAddress, study: String, retryWindow: Double = 120, clock: LeaseClock = LeaseClock()) async throws {
        self.address = address
        studyName = study
        self.retryWindow = retryWindow
        self.clock = clock
        // A server that refuses the first connection fails at once (a wrong port, a wrong
        // password), unless it is restarting: that is waited out like an outage of a running
        // study, and so is one that begins while the tables are checked.
        let first: PostgresConnection?
        do {
            first = try await ConnectionLane.connect(address)
        } catch where ConnectionLane.isRestarting(error) {
            first = nil
        } catch {
            throw ConnectionLane.refusal(address, error)
        }
        work = ConnectionLane(address: address, retryWindow: retryWindow, connection: first)
        beats = ConnectionLane(address: address, retryWindow: retryWindow)
        try await work.perform { c, logger in
            do {
                try await PostgresSchema.prepare(c, logger: logger)
            } catch where !Self.isConnectionLoss(error) {
                throw SlopeError.store(file: address.shown, reason: "cannot create the tables: \(Self.reason(error))", problem: .refused)
            }
        }
    }

    private init(address: PostgresAddress, study: String, lane: ConnectionLane) {
        self.address = address
        studyName = study
        retryWindow = 0
        clock = LeaseClock()
        work = lane
        beats = ConnectionLane(address: address, retryWindow: 0)
    }

    /// Opens a database to read a study without writing anything: `study` names it, or the
    /// database must hold exactly one.
    /// - Throws: `SlopeError.store` when the database has no slope tables or no such study,
    ///   `.ambiguousStudy` when it holds several and none is named.
    public static func reading(address: PostgresAddress, study: String?) async throws -> PostgresStore {
        let lane = ConnectionLane(address: address, retryWindow: 0, connection: try await ConnectionLane.open(address))
        let names: [String]
        do {
            names = try await lane.perform { c, logger in
                let exists = try await c.query("SELECT to_regclass('slope_study') IS NOT NULL", logger: logger)
                    .collect().first?.decode(Bool.self) ?? false
                guard exists else { return [] }
                return try await c.query("SELECT name FROM slope_study ORDER BY name", logger: logger).collect()
                    .map { try $0.decode(String.self) }
            }
        } catch {
            await lane.close()
            throw error
        }
        if let study, names.contains(study) { return PostgresStore(address: address, study: study, lane: lane) }
        if study == nil, names.count == 1, let only = names.first { return PostgresStore(address: address, study: only, lane: lane) }
        await lane.close()
        if names.isEmpty { throw SlopeError.store(file: address.shown, reason: "no slope study in this database", problem: .missing) }
        if let study { throw SlopeError.store(file: address.shown, reason: "no study \(Shown.quoted(study)) (studies: \(Shown.list(names)))", problem: .missing) }
        throw SlopeError.ambiguousStudy(file: address.shown, studies: names)
    }

    public func close() async {
        await work.close()
        await beats.close()
    }

    // MARK: The store protocol

    public func study() async throws -> StudyRecord? {
        try await perform { [studyName] c, logger in
            try await c.query("""
                SELECT name, spec, fingerprint, \(unescaped: PostgresSchema.iso("created_at")) FROM slope_study
                WHERE name = \(studyName)
                """, logger: logger).collect().first.map { row in
                let (name, spec, fingerprint, created) = try row.decode((String, String, String, String).self)
                return StudyRecord(name: name, spec: spec, fingerprint: fingerprint, createdAt: created)
            }
        }
    }

    public func create(name: String, spec: String, fingerprint: String, plan: [PlannedTrial]) async throws {
        try await perform { c, logger in
            try await c.withTransaction(logger: logger) { t in
                guard let id = try await t.query("""
                    INSERT INTO slope_study (name, spec, fingerprint) VALUES (\(name), \(spec), \(fingerprint))
                    ON CONFLICT (name) DO NOTHING RETURNING id
                    """, logger: logger).collect().first?.decode(Int64.self) else { return }
                // One statement for the whole plan: a study of thousands of trials is created
                // in one round trip to a distant server.
                let ids = plan.map(\.id), parameters = plan.map(\.parameters.json), seeds = plan.map { Int64(bitPattern: $0.seed) }
                let placements = plan.map(\.placement.rawValue), stages = plan.map(\.stage)
                try await t.query("""
                    INSERT INTO slope_trial (study_id, id, parameters, seed, state, placed_by, stage)
                    SELECT \(id), p.id, p.parameters::jsonb, p.seed, 'pending', p.placed_by, p.stage
                    FROM unnest(\(ids)::int8[], \(parameters)::text[], \(seeds)::int8[], \(placements)::text[], \(stages)::int8[])
                        AS p(id, parameters, seed, placed_by, stage)
                    """, logger: logger)
            }
        }
    }

    public func createImported(name: String, spec: String, fingerprint: String, trials: [StoredTrial],
                               reports: [Int: [StepReport]] = [:]) async throws {
        try await perform { c, logger in
            try await c.withTransaction(logger: logger) { t in
                let id = try await t.query("""
                    INSERT INTO slope_study (name, spec, fingerprint) VALUES (\(name), \(spec), \(fingerprint)) RETURNING id
                    """, logger: logger).collect().first?.decode(Int64.self) ?? 0
                for trial in trials {
                    try await t.query("""
                        INSERT INTO slope_trial (study_id, id, parameters, seed, state, metrics, wall_time_s, peak_rss_bytes,
                            worker, attempts, failure, placed_by, stage, last_step)
                        VALUES (\(id), \(trial.id), \(trial.parameters.json)::jsonb, \(Int64(bitPattern: trial.seed)),
                            \(trial.state.rawValue), \(trial.metrics?.json)::jsonb, \(trial.wallTime), \(trial.peakRSS),
                            \(trial.worker), \(trial.attempts), \(trial.failure), \(trial.placement?.rawValue), \(trial.stage),
                            \(trial.lastStep))
                        """, logger: logger)
                    guard let steps = reports[trial.id], !steps.isEmpty else { continue }
                    try await Self.insert(steps, study: id, trial: trial.id, attempt: trial.attempts, on: t, logger: logger)
                }
            }
        }
    }

    public func pendingHead(space: ParameterSpace) async throws -> PendingHead? {
        let study = try await studyID()
        return try await perform { c, logger -> (PostgresRow, Bool)? in
            guard let row = try await c.query("""
                SELECT \(unescaped: Self.trialColumns), NOT EXISTS (
                    SELECT 1 FROM slope_trial AS e WHERE e.study_id = t.study_id AND e.stage < t.stage AND e.state IN ('pending', 'running'))
                FROM slope_trial AS t WHERE study_id = \(study) AND state = 'pending' ORDER BY id LIMIT 1
                """, logger: logger).collect().first else { return nil }
            return (row, try Self.after(row, Bool.self))
        }.map { row, open in PendingHead(trial: try trial(row, space: space), stageOpen: open) }
    }

    public func changes(since version: Int64, space: ParameterSpace) async throws -> StoreChanges {
        let study = try await studyID()
        let (counts, rows, decisions) = try await perform { c, logger in
            // The counts first: rows read after them may be newer, never older.
            let counts: (Int64, Int64) = try await c.query("SELECT version, claims FROM slope_study WHERE id = \(study)", logger: logger)
                .collect().first.map { try $0.decode((Int64, Int64).self) } ?? (0, 0)
            let rows = try await c.query("""
                SELECT \(unescaped: Self.trialColumns), version FROM slope_trial WHERE study_id = \(study) AND version > \(version) ORDER BY id
                """, logger: logger).collect()
            let decisions = try await c.query("SELECT decision::text FROM slope_stage_decision WHERE study_id = \(study) ORDER BY stage",
                                              logger: logger).collect()
            return (counts, rows, decisions)
        }
        return StoreChanges(
            version: counts.0, claims: counts.1,
            trials: try rows.map { (try Self.after($0, Int64.self), try trial($0, space: space)) },
            decisions: try decisions.map { try decision($0, space: space) })
    }

    public func claim(_ id: Int, worker: String, proposal: Proposal?, ifClaims claims: Int64?, space: ParameterSpace) async throws -> StoredTrial? {
        let study = try await studyID()
        let parameters = proposal?.parameters.json, placement = proposal?.placement.rawValue
        let decision = proposal?.decision.map { ($0.stage, $0.json) }
        return try await perform { c, logger -> PostgresRow? in
            try await Self.unlessUnchanged {
                try await c.withTransaction(logger: logger) { t -> PostgresRow in
                    // The study's row lock orders claims: a second claim waits for this one
                    // and then finds the count changed.
                    guard let version = try await t.query("""
                        UPDATE slope_study SET version = version + 1, claims = claims + 1
                        WHERE id = \(study) AND (\(claims)::int8 IS NULL OR claims = \(claims)::int8) RETURNING version
                        """, logger: logger).collect().first?.decode(Int64.self) else { throw Unchanged() }
                    guard let row = try await t.query("""
                        UPDATE slope_trial AS t SET parameters = coalesce(\(parameters)::jsonb, parameters),
                            placed_by = coalesce(\(placement), placed_by), state = 'running', worker = \(worker), started_at = \(now: self.clock),
                            heartbeat_at = \(now: self.clock), finished_at = NULL, attempts = attempts + 1, version = \(version)
                        WHERE study_id = \(study) AND id = \(id) AND state = 'pending' AND NOT EXISTS (
                            SELECT 1 FROM slope_trial AS e WHERE e.study_id = t.study_id AND e.stage < t.stage
                                AND e.state IN ('pending', 'running'))
                        RETURNING \(unescaped: Self.trialColumns)
                        """, logger: logger).collect().first else { throw Unchanged() }
                    // A trial run again reports again.
                    try await t.query("DELETE FROM slope_step_report WHERE study_id = \(study) AND trial_id = \(id)", logger: logger)
                    if let (stage, json) = decision {
                        try await t.query("""
                            INSERT INTO slope_stage_decision (study_id, stage, decision) VALUES (\(study), \(stage), \(json)::jsonb)
                            ON CONFLICT DO NOTHING
                            """, logger: logger)
                    }
                    return row
                }
            }
        }.map { try trial($0, space: space) }
    }

    /// Thrown inside a transaction that must change nothing (a lost compare-and-set, no row
    /// to change): rolls it back.
    private struct Unchanged: Error {}

    /// The result of a transaction, nil when it threw `Unchanged`.
    private static func unlessUnchanged<T>(_ body: () async throws -> T) async throws -> T? {
        do {
            return try await body()
        } catch let error as PostgresTransactionError where error.closureError is Unchanged {
            return nil
        }
    }

    /// Runs `change` (given the version its rows are stamped with; it returns how many rows it
    /// changed) in a transaction that raises the study's version, rolled back when it changed
    /// nothing.
    private func stamped(_ c: PostgresConnection, _ study: Int64, logger: Logger,
                         _ change: @escaping (PostgresConnection, Int64) async throws -> Int) async throws -> Int {
        try await Self.unlessUnchanged {
            try await c.withTransaction(logger: logger) { t in
                let version = try await t.query("UPDATE slope_study SET version = version + 1 WHERE id = \(study) RETURNING version",
                                                logger: logger).collect().first?.decode(Int64.self) ?? 0
                let changed = try await change(t, version)
                guard changed > 0 else { throw Unchanged() }
                return changed
            }
        } ?? 0
    }

    public func decisions(space: ParameterSpace) async throws -> [StageDecision] {
        let study = try await studyID()
        return try await perform { c, logger in
            try await c.query("SELECT decision::text FROM slope_stage_decision WHERE study_id = \(study) ORDER BY stage", logger: logger).collect()
        }.map { try decision($0, space: space) }
    }

    private func decision(_ row: PostgresRow, space: ParameterSpace) throws -> StageDecision {
        try StageDecision.decode(try row.decode(String.self), space: space, source: "\(location) (study \(studyName))")
    }

    public func heartbeat(worker: String, trials: [StoredTrial]) async throws {
        guard !trials.isEmpty else { return }
        let study = try await studyID(), ids = trials.map(\.id), attempts = trials.map(\.attempts)
        _ = try await beats.perform { c, logger in
            try await c.query("""
                UPDATE slope_trial AS t SET heartbeat_at = \(now: self.clock)
                FROM unnest(\(ids)::int8[], \(attempts)::int8[]) AS held(id, attempts)
                WHERE t.study_id = \(study) AND t.state = 'running' AND t.worker = \(worker)
                    AND t.id = held.id AND t.attempts = held.attempts
                """, logger: logger)
        }
    }

    public func finish(_ trial: StoredTrial, worker: String, _ outcome: TrialOutcome) async throws -> Bool {
        let study = try await studyID(), id = trial.id, attempt = trial.attempts
        return try await perform { [self] c, logger in
            let recorded = try await stamped(c, study, logger: logger) { c, version in
                switch outcome {
                case let .done(metrics, wall, rss):
                    return try await c.query("""
                        UPDATE slope_trial SET state = 'done', metrics = \(metrics.json)::jsonb, wall_time_s = \(wall),
                            peak_rss_bytes = \(rss), finished_at = \(now: self.clock), failure = NULL, stderr_tail = NULL, version = \(version)
                        WHERE study_id = \(study) AND id = \(id) AND state = 'running' AND worker = \(worker) AND attempts = \(attempt)
                        RETURNING id
                        """, logger: logger).collect().count
                case let .failed(reason, tail, wall, rss):
                    return try await c.query("""
                        UPDATE slope_trial SET state = 'failed', metrics = NULL, wall_time_s = \(wall), peak_rss_bytes = \(rss),
                            finished_at = \(now: self.clock), failure = \(reason), stderr_tail = \(tail), version = \(version)
                        WHERE study_id = \(study) AND id = \(id) AND state = 'running' AND worker = \(worker) AND attempts = \(attempt)
                        RETURNING id
                        """, logger: logger).collect().count
                case let .pruned(last, wall, rss):
                    return try await c.query("""
                        UPDATE slope_trial SET state = 'pruned', metrics = \(last.metrics.json)::jsonb, last_step = \(last.step),
                            wall_time_s = \(wall), peak_rss_bytes = \(rss), finished_at = \(now: self.clock), failure = NULL,
                            stderr_tail = NULL, version = \(version)
                        WHERE study_id = \(study) AND id = \(id) AND state = 'running' AND worker = \(worker) AND attempts = \(attempt)
                        RETURNING id
                        """, logger: logger).collect().count
                }
            }
            if recorded > 0 { return true }
            // A retry after a lost connection may find its own result already recorded.
            return try await !c.query("""
                SELECT 1 FROM slope_trial WHERE study_id = \(study) AND id = \(id) AND state IN ('done', 'failed', 'pruned')
                    AND worker = \(worker) AND attempts = \(attempt) AND finished_at IS NOT NULL
                """, logger: logger).collect().isEmpty
        }
    }

    public func report(_ trial: StoredTrial, worker: String, _ reports: [StepReport]) async throws -> Bool {
        let study = try await studyID(), id = trial.id, attempt = trial.attempts
        return try await perform { c, logger in
            // The trial's row is locked for the insert: a claim or a reclaim of the trial
            // waits, so a report of a lost claim is never recorded for the next attempt.
            try await Self.unlessUnchanged {
                try await c.withTransaction(logger: logger) { t in
                    guard try await !t.query("""
                        SELECT 1 FROM slope_trial WHERE study_id = \(study) AND id = \(id) AND state = 'running'
                            AND worker = \(worker) AND attempts = \(attempt) FOR SHARE
                        """, logger: logger).collect().isEmpty else { throw Unchanged() }
                    try await Self.insert(reports, study: study, trial: id, attempt: attempt, on: t, logger: logger)
                    return true
                }
            } ?? false
        }
    }

    /// Writes `reports` as attempt `attempt` of trial `trial` in one statement; a step already
    /// reported keeps its first report.
    private static func insert(_ reports: [StepReport], study: Int64, trial: Int, attempt: Int,
                               on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO slope_step_report (study_id, trial_id, attempt, step, metrics)
            SELECT \(study), \(trial), \(attempt), r.step, r.metrics::jsonb
            FROM unnest(\(reports.map(\.step))::int8[], \(reports.map(\.json))::text[]) AS r(step, metrics)
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    public func peers(at step: Int, orLater: Bool) async throws -> StepPeers {
        let study = try await studyID()
        let (done, rows) = try await perform { c, logger in
            let done = try await c.query("SELECT count(*) FROM slope_trial WHERE study_id = \(study) AND state = 'done'", logger: logger)
                .collect().first?.decode(Int64.self) ?? 0
            // Only the reports of each trial's current attempt (not of one interrupted and
            // waiting to run again), the first at or past `step`.
            let rows = try await c.query("""
                SELECT DISTINCT ON (r.trial_id) r.trial_id, t.state, r.step, r.metrics::text
                FROM slope_step_report AS r JOIN slope_trial AS t ON t.study_id = r.study_id AND t.id = r.trial_id AND t.attempts = r.attempt
                WHERE r.study_id = \(study) AND t.state <> 'pending' AND r.step >= \(step) AND (\(orLater) OR r.step = \(step))
                ORDER BY r.trial_id, r.step
                """, logger: logger).collect()
            return (done, rows)
        }
        return StepPeers(entries: try rows.map { row in
            let (id, stateName, at, json) = try decoded(row, (Int32, String, Int32, String).self)
            guard let state = TrialState(rawValue: stateName) else {
                throw SlopeError.store(file: location, reason: "trial \(id): unknown state \(Shown.quoted(stateName))", problem: .damaged)
            }
            return StepPeers.Entry(trial: Int(id), state: state, report: try StepReport.decode(step: Int(at), json, source: location))
        }, done: Int(done))
    }

    public func stepReports() async throws -> [Int: [StepReport]] {
        let study = try await studyID()
        let rows = try await perform { c, logger -> [PostgresRow] in
            // A database of an earlier version, read without being changed, has no reports.
            guard try await c.query("SELECT to_regclass('slope_step_report') IS NOT NULL", logger: logger)
                .collect().first?.decode(Bool.self) ?? false else { return [] }
            return try await c.query("""
                SELECT r.trial_id, r.step, r.metrics::text FROM slope_step_report AS r
                JOIN slope_trial AS t ON t.study_id = r.study_id AND t.id = r.trial_id AND t.attempts = r.attempt
                WHERE r.study_id = \(study) ORDER BY r.trial_id, r.step
                """, logger: logger).collect()
        }
        var curves: [Int: [StepReport]] = [:]
        for row in rows {
            let (id, step, json) = try decoded(row, (Int32, Int32, String).self)
            curves[Int(id), default: []].append(try StepReport.decode(step: Int(step), json, source: location))
        }
        return curves
    }

    /// The cells of `row` as `types`, a store error when they are of another shape.
    private func decoded<each Column: PostgresDecodable>(_ row: PostgresRow, _ types: (repeat each Column).Type) throws -> (repeat each Column) {
        do {
            return try row.decode(types)
        } catch {
            throw SlopeError.store(file: location, reason: "a row of an unexpected shape: \(Self.reason(error))", problem: .damaged)
        }
    }

    public func release(_ trial: StoredTrial, worker: String) async throws {
        let study = try await studyID(), id = trial.id, attempt = trial.attempts
        _ = try await perform { [self] c, logger in
            try await stamped(c, study, logger: logger) { c, version in
                try await c.query("""
                    UPDATE slope_trial SET state = 'pending', worker = NULL, heartbeat_at = NULL, version = \(version)
                    WHERE study_id = \(study) AND id = \(id) AND state = 'running' AND worker = \(worker) AND attempts = \(attempt)
                    RETURNING id
                    """, logger: logger).collect().count
            }
        }
    }

    @discardableResult
    public func reclaim(lease: Double, maxAttempts: Int) async throws -> Int {
        let study = try await studyID(), failure = StoredTrial.lostTooOften(maxAttempts)
        return try await perform { [self] c, logger in
            // Most calls find nothing expired: they read, and write nothing.
            guard try await c.query("""
                SELECT EXISTS (SELECT 1 FROM slope_trial
                    WHERE study_id = \(study) AND state = 'running' AND heartbeat_at < \(now: self.clock) - make_interval(secs => \(lease)))
                """, logger: logger).collect().first?.decode(Bool.self) ?? false else { return 0 }
            return try await stamped(c, study, logger: logger) { c, version in
                try await c.query("""
                    UPDATE slope_trial SET state = CASE WHEN attempts >= \(maxAttempts) THEN 'failed' ELSE 'pending' END,
                        failure = CASE WHEN attempts >= \(maxAttempts) THEN \(failure) ELSE failure END,
                        finished_at = CASE WHEN attempts >= \(maxAttempts) THEN \(now: self.clock) ELSE NULL END,
                        worker = CASE WHEN attempts >= \(maxAttempts) THEN worker ELSE NULL END, heartbeat_at = NULL,
                        version = \(version)
                    WHERE study_id = \(study) AND state = 'running' AND heartbeat_at < \(now: self.clock) - make_interval(secs => \(lease))
                    RETURNING id
                    """, logger: logger).collect().count
            }
        }
    }

    public func liveRunning(lease: Double) async throws -> Int {
        let study = try await studyID()
        return try await perform { c, logger in
            try await c.query("""
                SELECT count(*) FROM slope_trial WHERE study_id = \(study) AND state = 'running'
                    AND heartbeat_at >= \(now: self.clock) - make_interval(secs => \(lease))
                """, logger: logger).collect().first?.decode(Int64.self) ?? 0
        }.map { Int($0) } ?? 0
    }

    @discardableResult
    public func retryFailed() async throws -> Int {
        let study = try await studyID()
        return try await perform { [self] c, logger in
            try await stamped(c, study, logger: logger) { c, version in
                try await c.query("""
                    UPDATE slope_trial SET state = 'pending', failure = NULL, stderr_tail = NULL, worker = NULL, version = \(version)
                    WHERE study_id = \(study) AND state = 'failed' RETURNING id
                    """, logger: logger).collect().count
            }
        }
    }

    public func trials(space: ParameterSpace) async throws -> [StoredTrial] {
        let study = try await studyID()
        return try await perform { c, logger in
            try await c.query("SELECT \(unescaped: Self.trialColumns) FROM slope_trial WHERE study_id = \(study) ORDER BY id",
                              logger: logger).collect()
        }.map { try trial($0, space: space) }
    }

    public func workers(lease: Double) async throws -> [WorkerRecord] {
        let study = try await studyID()
        return try await perform { c, logger in
            try await c.query("""
                SELECT worker, count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'failed'),
                    count(*) FILTER (WHERE state = 'pruned'), count(*) FILTER (WHERE state = 'running'),
                    EXTRACT(EPOCH FROM \(now: self.clock) - max(greatest(heartbeat_at, finished_at)))::float8,
                    coalesce(bool_or(state = 'running' AND heartbeat_at >= \(now: self.clock) - make_interval(secs => \(lease))), false)
                FROM slope_trial WHERE study_id = \(study) AND worker IS NOT NULL
                GROUP BY worker ORDER BY min(started_at), worker
                """, logger: logger).collect().map { row in
                let (name, done, failed, pruned, running, seen, alive) = try row.decode((String, Int64, Int64, Int64, Int64, Double?, Bool).self)
                return WorkerRecord(name: name, done: Int(done), failed: Int(failed), pruned: Int(pruned), running: Int(running),
                                    lastSeen: seen, alive: alive)
            }
        }
    }

    // MARK: Connection, retries, rows

    static let trialColumns = """
        id, parameters::text, seed, state, metrics::text, wall_time_s, peak_rss_bytes, worker, \
        \(PostgresSchema.iso("started_at")), \(PostgresSchema.iso("finished_at")), attempts, failure, stderr_tail, placed_by, stage, \
        last_step
        """

    /// How many columns `trialColumns` lists.
    static let trialColumnCount = 16

    /// The column after the trial's columns.
    private static func after<T: PostgresDecodable>(_ row: PostgresRow, _ type: T.Type) throws -> T {
        try row.makeRandomAccess()[trialColumnCount].decode(T.self)
    }

    private func trial(_ row: PostgresRow, space: ParameterSpace) throws -> StoredTrial {
        do {
            let (id, parameters, seed, state, metrics, wall, rss, worker, started, finished, attempts, failure, tail, placement, stage,
                 last) = try row.decode((Int32, String, Int64, String, String?, Double?, Int64?, String?, String?, String?, Int32, String?,
                                         String?, String?, Int32, Int32?).self)
            return try StoredTrial.checked(
                id: Int(id), parameters: parameters, seed: seed, state: state, metrics: metrics, wallTime: wall,
                peakRSS: rss.map { Int($0) }, worker: worker, startedAt: started, finishedAt: finished, attempts: Int(attempts),
                failure: failure, stderrTail: tail, placement: placement, stage: Int(stage), lastStep: last.map { Int($0) }, space: space,
                source: "\(location) (study \(studyName))")
        } catch let error as SlopeError {
            throw error
        } catch {
            throw SlopeError.store(file: location, reason: "a trial row of an unexpected shape: \(Self.reason(error))", problem: .damaged)
        }
    }

    /// The id of this store's study, looked up once.
    private func studyID() async throws -> Int64 {
        if let id = cachedStudyID.withLock({ $0 }) { return id }
        let found: Int64? = try await perform { [studyName] c, logger in
            try await c.query("SELECT id FROM slope_study WHERE name = \(studyName)", logger: logger).collect().first?
                .decode(Int64.self)
        }
        guard let found else { throw SlopeError.store(file: location, reason: "no study \(Shown.quoted(studyName))", problem: .missing) }
        cachedStudyID.withLock { $0 = found }
        return found
    }

    /// Runs `body` on the work lane's connection (`ConnectionLane.perform`).
    private func perform<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        try await work.perform(body)
    }

    /// True for errors after which a new connection may succeed: the connection closed or
    /// failed, or the server is shutting down or restarting (SQLSTATE classes 08 and 57).
    static func isConnectionLoss(_ error: any Error) -> Bool {
        if error is PostgresDecodingError { return false }
        if let error = error as? PSQLError {
            if error.code == .server {
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || state.hasPrefix("57")
            }
            return true
        }
        if let error = error as? PostgresTransactionError {
            return [error.beginError, error.closureError, error.commitError].compactMap { $0 }.contains(where: isConnectionLoss)
        }
        return true
    }

    /// One line for an error: the server's message when it sent one.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PostgresDecodingError {
            return "column \(error.columnName) (\(error.postgresType)) cannot be read as \(error.targetType) (\(error.code))"
        }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying, !(underlying is PSQLError) { return reason(underlying) }
            return words[error.code] ?? "\(error.code)"
        }
        if let error = error as? PostgresTransactionError {
            return [error.beginError, error.closureError, error.commitError, error.rollbackError].compactMap { $0 }.first
                .map(reason) ?? "a transaction failed"
        }
        if let error = error as? NIOConnectionError { return reason(error) }
        return String(reflecting: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The driver's error codes in words (the code's own name only for one not listed).
    static let words: [PSQLError.Code: String] = [
        .sslUnsupported: "the server does not accept TLS (the URL asks for sslmode=require)",
        .failedToAddSSLHandler: "TLS could not be set up on the connection",
        .receivedUnencryptedDataAfterSSLRequest: "the server answered the request for TLS without TLS",
        .messageDecodingFailure: "the server sent a message that cannot be read",
        .unexpectedBackendMessage: "the server sent a message out of turn",
        .unsupportedAuthMechanism: "the server asks for an authentication method slope does not support (use password, md5 or scram-sha-256)",
        .authMechanismRequiresPassword: "the server asks for a password and the URL gives none (postgresql://user:PASSWORD@host/database)",
        .saslError: "the SCRAM authentication failed",
        .queryCancelled: "the query was cancelled",
        .clientClosedConnection: "the connection was closed",
        .serverClosedConnection: "the server closed the connection",
        .connectionError: "the connection failed",
        .uncleanShutdown: "the connection ended without a clean shutdown",
    ]

    /// A failed connection in the system's words: "Connection refused at db-host:5432".
    private static func reason(_ error: NIOConnectionError) -> String {
        let place = "\(error.host):\(error.port)"
        if let failure = error.connectionErrors.first {
            let why = (failure.error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? reason(failure.error)
            return "\(why) at \(place)"
        }
        if error.dnsAError != nil || error.dnsAAAAError != nil { return "unknown host \(error.host)" }
        return "no address found for \(place)"
    }
}
