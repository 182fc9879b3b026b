import Foundation
import GRDB

/// Opening an SQLite file only to read it: a store being inspected or another tool's storage.
enum ReadOnlyDatabase {
    /// A read-only connection to `path`. With no write-ahead log beside the file (no writer is
    /// active, and every change is in the file) it is opened immutable, so that SQLite creates
    /// no `-wal` or `-shm` file beside it; otherwise the writer's log is read as it is.
    static func open(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        if !FileManager.default.fileExists(atPath: path + "-wal") {
            let uri = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
            // Needs SQLite built with URI file names (Debian's is); else the plain path below.
            if let queue = try? DatabaseQueue(path: uri, configuration: config),
               (try? queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }) != nil {
                return queue
            }
        }
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// The names of the tables of the database.
    static func tableNames(_ db: Database) throws -> Set<String> {
        Set(try Row.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            .compactMap { String.fromDatabaseValue($0["name"] as DatabaseValue) })
    }
}
