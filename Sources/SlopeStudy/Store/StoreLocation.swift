import SlopeCore

/// Where a study store is: a PostgreSQL URL (`postgresql://…`) or, for anything else, the path
/// of an SQLite file.
public enum StoreLocation {
    /// Opens the store at `location` to run the study `study` (created when new).
    /// - Throws: `SlopeError.store` for a store that cannot be opened or reached.
    public static func running(_ location: String, study: String) throws -> any StudyStore {
        PostgresAddress.isURL(location)
            ? try PostgresStore(address: PostgresAddress(location), study: study)
            : try TrialStore(path: location)
    }

    /// Opens the store at `location` to read a study, changing nothing: in a database, the
    /// study named `study` or the only one; a file holds one study.
    /// - Throws: `SlopeError.store` (or `.optunaStorage`, `.ambiguousStudy`).
    public static func reading(_ location: String, study: String? = nil) throws -> any StudyStore {
        if PostgresAddress.isURL(location) { return try PostgresStore.reading(address: PostgresAddress(location), study: study) }
        return try TrialStore.reading(path: location)
    }
}
