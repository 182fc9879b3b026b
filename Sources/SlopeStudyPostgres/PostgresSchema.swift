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
    /// The first key of a study's proposal lock (the bytes of "slpp"); the second is the study.
    static let proposalLockKey: Int32 = 0x736C_7070

    static func prepare(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { c in
            try await c.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await c.query("""
                CREATE TABLE IF NOT EXISTS slope_study (
                    id BIGSERIAL PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    spec TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """, logger: logger)
            try await c.query("""
                CREATE TABLE IF NOT EXISTS slope_trial (
                    study_id BIGINT NOT NULL REFERENCES slope_study(id) ON DELETE CASCADE,
                    id INTEGER NOT NULL,
                    parameters JSONB NOT NULL,
                    seed BIGINT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
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
                    placed_by TEXT,
                    stage INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (study_id, id)
                )
                """, logger: logger)
            // Databases made before TPE and stages lack the last two columns.
            try await c.query("ALTER TABLE slope_trial ADD COLUMN IF NOT EXISTS placed_by TEXT", logger: logger)
            try await c.query("ALTER TABLE slope_trial ADD COLUMN IF NOT EXISTS stage INTEGER NOT NULL DEFAULT 0", logger: logger)
            try await c.query("CREATE INDEX IF NOT EXISTS slope_trial_by_state ON slope_trial (study_id, state, id)",
                              logger: logger)
            try await c.query("""
                CREATE TABLE IF NOT EXISTS slope_stage_decision (
                    study_id BIGINT NOT NULL REFERENCES slope_study(id) ON DELETE CASCADE,
                    stage INTEGER NOT NULL,
                    decision JSONB NOT NULL,
                    decided_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    PRIMARY KEY (study_id, stage)
                )
                """, logger: logger)
        }
    }

    /// A timestamptz column as ISO 8601 text in UTC, as the file store writes its times.
    static func iso(_ column: String) -> String {
        "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
    }
}
