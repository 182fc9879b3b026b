import Foundation
import Testing
import SlopeCore
@testable import SlopeStudy
import SlopeStudyPostgres

enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["SLOPE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = ProcessInfo.processInfo.environment["SLOPE_REQUIRE_POSTGRES"] == "1"
    /// Why the PostgreSQL tests are skipped, and how to run them.
    static let howToRun: Comment = "no PostgreSQL server: set SLOPE_TEST_POSTGRES=postgresql://USER@127.0.0.1:PORT/DATABASE to run these (README, Tests)"
}

/// The PostgreSQL store's claims and leases, on a real server (SLOPE_TEST_POSTGRES; see
/// Tests/SlopeCLITests/PostgresStudyTests.swift for the worker processes).
@Suite(.enabled(if: PostgresTestServer.url != nil || PostgresTestServer.required, PostgresTestServer.howToRun))
struct PostgresStoreTests {
    /// A new study of 5 trials on a store whose lease clock the test moves.
    func newStudy() async throws -> (PostgresStore, StudySpec, LeaseClock) {
        let url = try #require(PostgresTestServer.url, "SLOPE_TEST_POSTGRES is not set")
        let name = "s\(UUID().uuidString.prefix(8).lowercased())"
        let text = "name: \(name)\ntrials: 5\nobjectives: {error: minimize}\ncommand: ./t.sh {args}\nparameters:\n  lr: {distribution: uniform, min: 0, max: 1}\n"
        let spec = try SpecReader.parse(text, file: "s.yaml", folder: "/tmp")
        let clock = LeaseClock()
        let store = try await PostgresStore(address: PostgresAddress(url), study: name, clock: clock)
        try await store.create(name: name, spec: text, fingerprint: try spec.fingerprint(), plan: spec.plan())
        return (store, spec, clock)
    }

    /// A worker that reports after its lease expired is refused; the trial's new holder is not,
    /// and the trial has exactly one result.
    @Test func aLateFinisherIsRefused() async throws {
        let (store, spec, clock) = try await newStudy()
        let late = try await #require(try store.claimNext("w1", spec: spec))
        #expect(late.id == 1 && late.attempts == 1 && late.state == .running)
        #expect(try await store.liveRunning(lease: 60) == 1)
        #expect(try await store.reclaim(lease: 60, maxAttempts: 3) == 0)
        clock.advance(by: 61)
        #expect(try await store.liveRunning(lease: 60) == 0)
        #expect(try await store.reclaim(lease: 60, maxAttempts: 3) == 1)
        let again = try await #require(try store.claimNext("w2", spec: spec))
        #expect(again.id == 1 && again.attempts == 2)
        let result = TrialOutcome.done(metrics: TrialMetrics([("error", 0.5)]), wallTime: 1, peakRSS: 100)
        #expect(try await !store.finish(late, worker: "w1", result))
        #expect(try await store.finish(again, worker: "w2", result))
        // A retried finish (the reply lost with a connection) finds its own result.
        #expect(try await store.finish(again, worker: "w2", result))
        let first = try await store.trials(space: spec.space)[0]
        #expect(first.state == .done && first.worker == "w2" && first.attempts == 2 && first.metrics == TrialMetrics([("error", 0.5)]))
        #expect(try await store.workers(lease: 60).map(\.name).contains("w2"))
    }

    /// Heartbeats keep a lease alive past its length; a trial lost max_attempts times fails.
    @Test func heartbeatsKeepTheLeaseAndLostTrialsFailAtLast() async throws {
        let (store, spec, clock) = try await newStudy()
        let held = try await #require(try store.claimNext("w1", spec: spec))
        // A second claim whose reply the worker never saw: not renewed, so taken back.
        _ = try await #require(try store.claimNext("w1", spec: spec))
        for _ in 0..<3 {
            clock.advance(by: 30)
            try await store.heartbeat(worker: "w1", trials: [held])
        }
        #expect(try await store.reclaim(lease: 60, maxAttempts: 3) == 1)
        #expect(try await store.liveRunning(lease: 60) == 1)
        // Another worker's heartbeats do not renew w1's claim: it expires and comes back.
        for _ in 0..<2 {
            try await store.heartbeat(worker: "w2", trials: [held])
            clock.advance(by: 35)
        }
        #expect(try await store.reclaim(lease: 60, maxAttempts: 2) == 1)
        let again = try await #require(try store.claimNext("w1", spec: spec))
        #expect(again.id == held.id && again.attempts == 2)
        clock.advance(by: 61)
        #expect(try await store.reclaim(lease: 60, maxAttempts: 2) == 1)
        let trials = try await store.trials(space: spec.space)
        #expect(trials[0].state == .failed && trials[0].attempts == 2 && trials[0].failure == StoredTrial.lostTooOften(2),
                "\(trials[0])")
    }

    /// A server refusal in words, not the driver's code name: this test server has no TLS.
    @Test func aRefusalIsInWords() async throws {
        let url = try #require(PostgresTestServer.url, "SLOPE_TEST_POSTGRES is not set")
        let separator = url.contains("?") ? "&" : "?"
        do {
            _ = try await PostgresStore(address: PostgresAddress(url + separator + "sslmode=require"), study: "s")
            Issue.record("a connection with TLS to a server without it succeeded")
        } catch let error as SlopeError {
            let message = error.message(naming: { $0.label })
            #expect(message.contains("the server does not accept TLS") && !message.contains("sslUnsupported"), "\(message)")
            guard case let .store(_, _, problem) = error else { Issue.record("\(error)"); return }
            #expect(problem == .refused)
        }
    }
}

/// PostgreSQL URLs as slope reads them (no server needed).
@Suite struct PostgresAddressTests {
    /// Nothing listens on port 1 of the loopback: unreachable, not refused (a caller may wait
    /// and retry the one, not the other).
    @Test func aClosedPortIsUnreachable() async throws {
        do {
            _ = try await PostgresStore(address: PostgresAddress("postgresql://slope@127.0.0.1:1/studies"), study: "s")
            Issue.record("a store on a closed port opened")
        } catch let SlopeError.store(_, reason, problem) {
            #expect(problem == .unreachable && reason.hasPrefix("cannot connect"), "\(problem): \(reason)")
        }
    }

    @Test func aBadURLIsOneLine() async {
        #expect(throws: SlopeError.store(file: "postgresql://host/db", reason: "the URL names no user (postgresql://USER@host/database)", problem: .badLocation)) {
            try PostgresAddress("postgresql://host/db")
        }
        #expect(throws: SlopeError.self) { try PostgresAddress("postgresql://u@host/") }
        #expect((try? PostgresAddress("postgresql://u:secret@h:5/d"))?.shown == "postgresql://u@h:5/d")
    }

    /// An IPv6 literal is a host (without its brackets), the scheme is read in any case, and a
    /// parameter slope does not know is refused, not ignored.
    @Test func urlsAsRFC3986WritesThem() async throws {
        let v6 = try PostgresAddress("postgresql://u@[::1]:5433/d")
        #expect(v6.host == "::1" && v6.port == 5433 && v6.shown == "postgresql://u@[::1]:5433/d")
        #expect(PostgresAddress.isURL("POSTGRESQL://u@h/d") && PostgresAddress.isURL("Postgres://u@h/d"))
        #expect(try PostgresAddress("POSTGRESQL://u@h/d").host == "h")
        #expect(try PostgresAddress("postgresql://u@h/d?sslmode=require").tls)
        #expect(throws: SlopeError.store(file: "postgresql://u@h/d?sslmod=require", reason: "unknown parameter \"sslmod\" (known: sslmode)", problem: .badLocation)) {
            try PostgresAddress("postgresql://u@h/d?sslmod=require")
        }
    }
}
