import GRDB

/// The store's tables. One study per file today; `study_id` on every trial and the claim by
/// a single UPDATE keep the schema ready for many studies and many workers sharing one
/// server database (docs/study-store.md).
///
/// The tables are created with IF NOT EXISTS in one write transaction, so that several
/// processes opening a new store at once create them once (a migrator run by each would race:
/// "table study already exists"). Stores made by earlier versions (with GRDB's migrations
/// table) have the same tables and open unchanged.
enum StoreSchema {
    /// Creates the tables that do not exist yet.
    static func prepare(_ writer: some DatabaseWriter) throws {
        try writer.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS study (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    spec TEXT NOT NULL,          -- the YAML as the user wrote it
                    fingerprint TEXT NOT NULL,   -- the parsed spec as canonical JSON: the study's identity
                    created_at TEXT NOT NULL,
                    version INTEGER NOT NULL DEFAULT 0,  -- raised by every change to a trial or a decision
                    claims INTEGER NOT NULL DEFAULT 0    -- raised by every claim (a claim's compare-and-set)
                );
                CREATE TABLE IF NOT EXISTS trial (
                    study_id INTEGER NOT NULL REFERENCES study(id),
                    id INTEGER NOT NULL,
                    parameters TEXT NOT NULL,    -- JSON object of the active parameters
                    seed INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'pruned')),
                    metrics TEXT,                -- JSON object of the numbers the trial reported
                    wall_time_s REAL,
                    peak_rss_bytes INTEGER,
                    worker TEXT,
                    started_at TEXT,
                    finished_at TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    failure TEXT,
                    stderr_tail TEXT,
                    placed_by TEXT,              -- random, lhs, sobol, prior, tpe or enqueued (Placement); NULL: the study's sampler
                    stage INTEGER NOT NULL DEFAULT 0,
                    version INTEGER NOT NULL DEFAULT 0,  -- the study's version when the row last changed
                    last_step INTEGER,           -- the step a pruned trial was stopped at
                    PRIMARY KEY (study_id, id)
                );
                CREATE INDEX IF NOT EXISTS trial_by_state ON trial(study_id, state, id);
                CREATE TABLE IF NOT EXISTS stage_decision (
                    study_id INTEGER NOT NULL REFERENCES study(id),
                    stage INTEGER NOT NULL,
                    decision TEXT NOT NULL,      -- JSON (StageDecision): p-values, fixed values, ranges
                    decided_at TEXT NOT NULL,
                    PRIMARY KEY (study_id, stage)
                );
                CREATE TABLE IF NOT EXISTS step_report (
                    study_id INTEGER NOT NULL REFERENCES study(id),
                    trial_id INTEGER NOT NULL,
                    attempt INTEGER NOT NULL,    -- the trial's attempt that reported it
                    step INTEGER NOT NULL,
                    metrics TEXT NOT NULL,       -- JSON object (StepReport.json)
                    PRIMARY KEY (study_id, trial_id, attempt, step)
                ) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS step_report_by_step ON step_report(study_id, step, trial_id);
                """)
            // Stores made by earlier versions lack the later columns (placed_by and stage came
            // with TPE and stages, the versions with claims outside transactions, last_step
            // with pruners).
            // A store of an earlier version keeps its state check without 'pruned': its study
            // has no pruner (a pruner is part of the study's identity), so it never prunes.
            try addMissing(db, table: "trial", ["placed_by": "TEXT", "stage": "INTEGER NOT NULL DEFAULT 0",
                                                "version": "INTEGER NOT NULL DEFAULT 0", "last_step": "INTEGER"])
            try addMissing(db, table: "study", ["version": "INTEGER NOT NULL DEFAULT 0", "claims": "INTEGER NOT NULL DEFAULT 0"])
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS trial_by_version ON trial(study_id, version)")
        }
    }

    private static func addMissing(_ db: Database, table: String, _ columns: KeyValuePairs<String, String>) throws {
        let present = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").compactMap { $0["name"] as String? })
        for (name, type) in columns where !present.contains(name) {
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(name) \(type)")
        }
    }
}
