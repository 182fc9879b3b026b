import SlopeCore

/// Opens the study store a location names. An SQLite file by default; other kinds of store (a
/// PostgreSQL database: `StoreOpener.withPostgres` in SlopeStudyPostgres) are added by the caller
/// that links them, so that SlopeStudy carries no database driver but SQLite's.
public struct StoreOpener: Sendable {
    /// A kind of store told apart by its location (a URL scheme).
    public struct Kind: Sendable {
        /// True for the locations of this kind.
        public let claims: @Sendable (String) -> Bool
        /// Opens (creating when needed) the store at a location to run a study of that name.
        public let running: @Sendable (_ location: String, _ study: String) async throws -> any StudyStore
        /// Opens the store at a location to read a study (nil: the only one), changing nothing.
        public let reading: @Sendable (_ location: String, _ study: String?) async throws -> any StudyStore
        /// The location as messages show it (without a password).
        public let shown: @Sendable (String) -> String

        public init(claims: @escaping @Sendable (String) -> Bool,
                    running: @escaping @Sendable (_ location: String, _ study: String) async throws -> any StudyStore,
                    reading: @escaping @Sendable (_ location: String, _ study: String?) async throws -> any StudyStore,
                    shown: @escaping @Sendable (String) -> String) {
            self.claims = claims
            self.running = running
            self.reading = reading
            self.shown = shown
        }
    }

    public let kinds: [Kind]

    public init(kinds: [Kind] = []) { self.kinds = kinds }

    /// SQLite files only.
    public static let files = StoreOpener()

    /// The kind that claims `location`, nil for a file path.
    /// - Throws: `SlopeError.store` for a URL (`scheme://…`) no kind claims: never a file of that name.
    func kind(of location: String) throws -> Kind? {
        if let kind = kinds.first(where: { $0.claims(location) }) { return kind }
        if let scheme = location.range(of: "://").map({ location[..<$0.lowerBound] }), !scheme.isEmpty,
           scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
            throw SlopeError.store(file: location, reason: "no store of kind \(Shown.quoted(String(scheme))) in this build (an SQLite file path, or a PostgreSQL URL with SlopeStudyPostgres)", problem: .badLocation)
        }
        return nil
    }

    /// True when `location` names a file (a store this process may create or write there).
    public func isFile(_ location: String) -> Bool {
        do { return try kind(of: location) == nil } catch { return false }
    }

    /// `location` as messages show it.
    public func shown(_ location: String) -> String {
        do { return try kind(of: location)?.shown(location) ?? location } catch { return location }
    }

    /// Opens the store at `location` to run the study `study` (created when new).
    /// - Throws: `SlopeError.store` for a store that cannot be opened or reached.
    public func running(_ location: String, study: String) async throws -> any StudyStore {
        if let kind = try kind(of: location) { return try await kind.running(location, study) }
        return try await TrialStore(path: location)
    }

    /// Opens the store at `location` to read a study, changing nothing: in a database, the
    /// study named `study` or the only one; a file holds one study.
    /// - Throws: `SlopeError.store` (or `.optunaStorage`, `.ambiguousStudy`).
    public func reading(_ location: String, study: String? = nil) async throws -> any StudyStore {
        if let kind = try kind(of: location) { return try await kind.reading(location, study) }
        return try TrialStore.reading(path: location)
    }
}
