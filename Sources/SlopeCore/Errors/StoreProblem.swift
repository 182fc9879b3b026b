/// What is wrong with a study store, as a value a caller can act on (wait and retry, ask for
/// another file, fix the URL), beside the sentence a person reads (`SlopeError.store`).
public enum StoreProblem: String, Sendable, CaseIterable, Equatable {
    /// No such file, database study or Optuna study.
    case missing
    /// A file or database that is not a study store of the kind asked for.
    case notAStore = "not_a_store"
    /// A location that cannot name a store (a malformed URL, a kind this build lacks).
    case badLocation = "bad_location"
    /// The store holds what slope cannot read: a damaged file, a cell of the wrong type or out
    /// of its domain, a row of an unexpected shape.
    case damaged
    /// Another process holds the store's lock longer than slope waits.
    case locked
    /// The server cannot be reached, or stopped answering for longer than the outage window.
    case unreachable
    /// The server answered and refused: authentication, TLS, no such database, too many
    /// connections.
    case refused
    /// The store's file was deleted or replaced while a study ran.
    case vanished
    /// Other workers' claims came first too many times in a row.
    case contended
    /// The store holds what this request cannot use (no finished trial, no such objective).
    case unusable
}
