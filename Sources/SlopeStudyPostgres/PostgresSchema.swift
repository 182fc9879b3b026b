import SlopeStudy
import Logging
import PostgresNIO

/// The tables of a PostgreSQL study store: many studies per database (by name), trials with
/// JSONB parameters and metrics, times as timestamptz from the server's clock
/// (docs/distributed.md). Created under a transaction-scoped advisory lock, so that many
/// workers starting on a new database at once create them once.
enum PostgresSchema {
    /// The advisory lock key (the bytes of "slopesch").
    static let lockKey: Int64 = 0x736C_6F70_6573_6368

    /// Columns added after the tables were first made (TPE and stages, then versions), by
    /// table, in the order a claim locks the tables (study, then trial): a database of an
    /// earlier version gets them when a worker of this version first opens it.
    private static let laterColumns: [(table: String, column: String, type: String)] = [
        ("slope_study", "version", "BIGINT NOT NULL DEFAULT 0"),  // raised by every change to a trial or a decision
        ("slope_study", "claims", "BIGINT NOT NULL DEFAULT 0"),   // raised by every claim (a claim's compare-and-set)
        ("slope_trial", "placed_by", "TEXT"),
        ("slope_trial", "stage", "INTEGER NOT NULL DEFAULT 0"),
        ("slope_trial", "version", "BIGINT NOT NULL DEFAULT 0"),  // the study's version when the row last changed
        ("slope_trial", "last_step", "INTEGER"),                   // the step a pruned trial was stopped at
    ]

    /// The states a trial may have (`TrialState`), as the state column's check lists them.
    static let stateCheck = "CHECK (state IN ('pending', 'running', 'done', 'failed', 'pruned'))"

    /// Creates what is missing, and only that: a statement that changes a table locks it
    /// whole (even `ADD COLUMN IF NOT EXISTS` on a column that exists), which would stall or
    /// deadlock the claims of workers already running.
    static func prepare(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { c in
            try await c.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            let present = Set(try await c.query("""
                SELECT table_name::text || '.' || column_name::text FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name IN ('slope_study', 'slope_trial', 'slope_stage_decision', 'slope_step_report')
                """, logger: logger).collect().map { try $0.decode(String.self) })
            if !present.contains("slope_study.id") {
                try await c.query("""
                    CREATE TABLE slope_study (
                        id BIGSERIAL PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        spec TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """, logger: logger)
            }
            if !present.contains("slope_trial.id") {
                try await c.query("""
                    CREATE TABLE slope_trial (
                        study_id BIGINT NOT NULL REFERENCES slope_study(id) ON DELETE CASCADE,
                        id INTEGER NOT NULL,
                        parameters JSONB NOT NULL,
                        seed BIGINT NOT NULL,
                        state TEXT NOT NULL CONSTRAINT slope_trial_state_check \(unescaped: stateCheck),
                        metrics JSONB,
                        wall_time_s DOUBLE PRECISION,
                        peak_rss_bytes BIGINT,
                        worker TEXT,
                        started_at TIMESTAMPTZ,
                        heartbeat_at TIMESTAMPTZ,
                        finished_at TIMESTAMPTZ,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        failure TEXT,
                        stderr_tail TEXT,
                        PRIMARY KEY (study_id, id)
                    )
                    """, logger: logger)
                try await c.query("CREATE INDEX slope_trial_by_state ON slope_trial (study_id, state, id)", logger: logger)
            }
            for (table, column, type) in laterColumns where !present.contains("\(table).\(column)") {
                try await c.query("ALTER TABLE \(unescaped: table) ADD COLUMN \(unescaped: column) \(unescaped: type)", logger: logger)
                if table == "slope_trial" && column == "version" {
                    try await c.query("CREATE INDEX slope_trial_by_version ON slope_trial (study_id, version)", logger: logger)
                }
            }
            // A database of an earlier version checks the states without 'pruned'; its other
            // studies are unchanged by the wider check.
            let checks = try await c.query("""
                SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'slope_trial_state_check'
                    AND conrelid = 'slope_trial'::regclass
                """, logger: logger).collect().map { try $0.decode(String.self) }
            if checks.count == 1, let check = checks.first, !check.contains("pruned") {
                try await c.query("""
                    ALTER TABLE slope_trial DROP CONSTRAINT slope_trial_state_check,
                        ADD CONSTRAINT slope_trial_state_check \(unescaped: stateCheck)
                    """, logger: logger)
            }
            if !present.contains("slope_step_report.step") {
                try await c.query("""
                    CREATE TABLE slope_step_report (
                        study_id BIGINT NOT NULL REFERENCES slope_study(id) ON DELETE CASCADE,
                        trial_id INTEGER NOT NULL,
                        attempt INTEGER NOT NULL,
                        step INTEGER NOT NULL,
                        metrics JSONB NOT NULL,
                        PRIMARY KEY (study_id, trial_id, attempt, step)
                    )
                    """, logger: logger)
                try await c.query("CREATE INDEX slope_step_report_by_step ON slope_step_report (study_id, step, trial_id)", logger: logger)
            }
            if !present.contains("slope_stage_decision.stage") {
                try await c.query("""
                    CREATE TABLE slope_stage_decision (
                        study_id BIGINT NOT NULL REFERENCES slope_study(id) ON DELETE CASCADE,
                        stage INTEGER NOT NULL,
                        decision JSONB NOT NULL,
                        decided_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                        PRIMARY KEY (study_id, stage)
                    )
                    """, logger: logger)
            }
        }
    }

    /// A timestamptz column as ISO 8601 text in UTC, as the file store writes its times.
    static func iso(_ column: String) -> String {
        "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
    }
}
