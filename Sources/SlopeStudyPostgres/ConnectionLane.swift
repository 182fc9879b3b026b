import Foundation
import Logging
import NIOPosix
import PostgresNIO
import SlopeCore
import SlopeStudy
import Synchronization

/// One connection to the server and the calls that take turns on it: a statement or a
/// transaction at a time (`SerialGate`), nothing blocked while waiting. A store has two
/// lanes, so that heartbeats never wait behind a worker's claims and results. A lost
/// connection is opened again with backoff (0.25 s doubling to 5 s) until `retryWindow`
/// seconds after the outage began (`OutageWindow`, shared by every call of the lane).
final class ConnectionLane: Sendable {
    let address: PostgresAddress
    /// Seconds an outage is waited out (0: a reader, which fails at once).
    let retryWindow: Double
    private let gate = SerialGate()
    private let state: Mutex<(connection: PostgresConnection?, outage: OutageWindow)>
    private let logger = Logger(label: "slope.postgres") { _ in SwiftLogNoOpLogHandler() }

    /// Seconds one statement (or a connection attempt) may take before the connection is
    /// taken for lost: every statement of the store is short.
    static let statementTimeout = 30.0

    init(address: PostgresAddress, retryWindow: Double, connection: PostgresConnection? = nil) {
        self.address = address
        self.retryWindow = retryWindow
        state = Mutex((connection, OutageWindow(length: retryWindow)))
    }

    deinit {
        if let connection = state.withLock({ $0.connection }) { Task.detached { try? await connection.close() } }
    }

    /// The result of `body` on the lane's connection.
    /// - Throws: `SlopeError.store` naming the server's reason once the outage outlasts the
    ///   window, or at once for an error that is not a lost connection.
    func perform<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        try await gate.through { [self] in
            var delay = 0.25
            while true {
                do {
                    // A connection the server closed is replaced before it is used: a query
                    // written to a closed channel may never be answered.
                    let reusable = state.withLock { $0.connection }.flatMap { $0.isClosed ? nil : $0 }
                    let connection: PostgresConnection
                    if let reusable { connection = reusable } else { connection = try await Self.connect(address) }
                    state.withLock { $0.connection = connection }
                    let result = try await Self.bounded(on: connection) { [logger] in try await body(connection, logger) }
                    state.withLock { $0.outage.restored() }
                    return result
                } catch let error as SlopeError {
                    throw error
                } catch let error as CancellationError {
                    // The caller stopped waiting: not an outage. The statement may still run on
                    // the connection, which `bounded` closed: the next call opens another.
                    state.withLock { $0.connection = nil }
                    throw error
                } catch {
                    let now = Date()
                    guard PostgresStore.isConnectionLoss(error) else {
                        throw SlopeError.store(file: address.shown, reason: PostgresStore.reason(error), problem: .refused)
                    }
                    let (old, deadline) = state.withLock { s in
                        s.outage.lost(at: now)
                        defer { s.connection = nil }
                        return (s.connection, s.outage.deadline(now: now))
                    }
                    guard now < deadline else {
                        let waited = retryWindow > 0 ? " (the server has not answered for \(Int(retryWindow)) s)" : ""
                        throw SlopeError.store(file: address.shown, reason: PostgresStore.reason(error) + waited, problem: .unreachable)
                    }
                    if let old { Task { try? await old.close() } }
                    try await Task.sleep(for: .seconds(min(delay, max(0.01, deadline.timeIntervalSince(now)))))
                    delay = min(5, delay * 2)
                }
            }
        }
    }

    /// Closes the connection (best effort, waiting at most 5 s for the server).
    func close() async {
        guard let open = state.withLock({ s in
            defer { s.connection = nil }
            return s.connection
        }) else { return }
        _ = try? await withDeadline(seconds: 5) { try await open.close() }
    }

    /// The result of `body`; a lost connection (which `perform` retries) when the server
    /// closes the connection under it or no answer came in `statementTimeout` seconds, and
    /// `CancellationError` when the caller is cancelled. The caller never waits for a statement
    /// the server will not answer (a query on a connection the server has closed may never
    /// end); a connection whose statement was given up is closed, which ends the statement.
    private static func bounded<T: Sendable>(on connection: PostgresConnection,
                                             _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        do {
            return try await withDeadline(seconds: statementTimeout, body, abandon: {
                while !connection.isClosed { try await Task.sleep(for: .seconds(0.25)) }
                // An answer read before the close still arrives.
                try await Task.sleep(for: .seconds(1))
                return ConnectionClosed()
            })
        } catch let error where error is DeadlineExceeded || error is ConnectionClosed || error is CancellationError {
            // The statement may still be under way (or a transaction open) on this connection:
            // it is never used again, so no later call runs inside what was left.
            Task { try? await connection.close() }
            throw error
        }
    }

    /// The server closed the connection while a statement ran.
    struct ConnectionClosed: Error, CustomStringConvertible {
        var description: String { "the server closed the connection" }
    }

    /// Opens a connection within `statementTimeout` seconds; throws the driver's error (which
    /// `perform` may retry) or `DeadlineExceeded`.
    static func connect(_ address: PostgresAddress) async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        if address.tls {
            do {
                configuration.tls = .require(try .init(configuration: .makeClientConfiguration()))
            } catch {
                throw SlopeError.store(file: address.shown, reason: "cannot set up TLS: \(PostgresStore.reason(error))", problem: .refused)
            }
        }
        configuration.options.connectTimeout = .seconds(10)
        let settings = configuration
        return try await withDeadline(seconds: statementTimeout, {
            try await PostgresConnection.connect(configuration: settings, id: 1,
                                                 logger: Logger(label: "slope.postgres") { _ in SwiftLogNoOpLogHandler() })
        }, late: { try? await $0.close() })
    }

    /// Whether a connection was refused because the server is shutting down or starting up
    /// (SQLSTATE 57P01-57P03): a restart, waited out like any outage.
    static func isRestarting(_ error: any Error) -> Bool {
        guard let state = (error as? PSQLError)?.serverInfo?[.sqlState] else { return false }
        return ["57P01", "57P02", "57P03"].contains(state)
    }

    /// Opens a connection; a failure is one line naming the server's reason.
    static func open(_ address: PostgresAddress) async throws -> PostgresConnection {
        do {
            return try await connect(address)
        } catch {
            throw refusal(address, error)
        }
    }

    /// A first connection's failure in one line: the server said why (authentication, no
    /// database, too many connections), or nothing answered at all.
    static func refusal(_ address: PostgresAddress, _ error: any Error) -> SlopeError {
        if let error = error as? SlopeError { return error }
        let refusals: [PSQLError.Code] = [.sslUnsupported, .authMechanismRequiresPassword, .unsupportedAuthMechanism, .saslError]
        let answered = (error as? PSQLError).map { $0.serverInfo != nil || refusals.contains($0.code) } ?? false
        return SlopeError.store(file: address.shown, reason: "cannot connect: \(PostgresStore.reason(error))",
                                problem: answered ? .refused : .unreachable)
    }
}
