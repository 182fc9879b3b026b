import SlopeStudy

extension StoreOpener {
    /// SQLite files and PostgreSQL databases (`postgresql://` URLs).
    public static let withPostgres = StoreOpener(kinds: [.postgres])
}

extension StoreOpener.Kind {
    /// A PostgreSQL database shared by workers on many hosts (docs/distributed.md).
    public static let postgres = StoreOpener.Kind(
        claims: PostgresAddress.isURL,
        running: { location, study in try await PostgresStore(address: PostgresAddress(location), study: study) },
        reading: { location, study in try await PostgresStore.reading(address: PostgresAddress(location), study: study) },
        shown: { location in (try? PostgresAddress(location))?.shown ?? location })
}
