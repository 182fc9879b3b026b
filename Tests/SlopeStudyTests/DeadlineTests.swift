import Foundation
import Synchronization
import Testing
@testable import SlopeStudy

/// A statement the server never answers must not hang its caller: a worker whose connection was
/// cut while it checked the tables at start waited forever (the driver's ROLLBACK on the closed
/// connection never returned, and a task group waits for every child).
@Suite(.timeLimit(.minutes(1))) struct DeadlineTests {
    /// An operation that ignores cancellation and ends only when released.
    final class Stuck: Sendable {
        private let waiter = Mutex<CheckedContinuation<Int, Never>?>(nil)
        private let released = Mutex(false)

        func run() async -> Int {
            await withCheckedContinuation { continuation in
                let now = released.withLock { $0 }
                if now { continuation.resume(returning: 7) } else { waiter.withLock { $0 = continuation } }
            }
        }

        func release() {
            released.withLock { $0 = true }
            waiter.withLock { w in
                w?.resume(returning: 7)
                w = nil
            }
        }
    }

    @Test func anOperationThatIgnoresCancellationIsLeftBehind() async throws {
        let stuck = Stuck()
        let lateValue = Mutex<Int?>(nil)
        let start = ContinuousClock.now
        await #expect(throws: DeadlineExceeded.self) {
            try await withDeadline(seconds: 0.2, { await stuck.run() }, late: { v in lateValue.withLock { $0 = v } })
        }
        #expect(ContinuousClock.now - start < .seconds(5))
        // The value it delivers after the deadline goes to `late`.
        stuck.release()
        for _ in 0..<200 where lateValue.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(lateValue.withLock { $0 } == 7)
    }

    @Test func aPromptValueIsReturnedAndNotLate() async throws {
        let late = Mutex(false)
        let value = try await withDeadline(seconds: 30, { 42 }, late: { _ in late.withLock { $0 = true } })
        #expect(value == 42)
        #expect(!late.withLock { $0 })
    }

    @Test func theOperationsErrorIsThrown() async {
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await withDeadline(seconds: 30, { () async throws -> Int in throw Refused() })
        }
    }

    @Test func abandonEndsTheWaitWithItsReason() async {
        struct Closed: Error {}
        let stuck = Stuck()
        defer { stuck.release() }
        let start = ContinuousClock.now
        await #expect(throws: Closed.self) {
            try await withDeadline(seconds: 30, { await stuck.run() }, abandon: {
                try await Task.sleep(for: .milliseconds(100))
                return Closed()
            })
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func cancellingTheCallerEndsTheWait() async {
        let stuck = Stuck()
        defer { stuck.release() }
        let caller = Task { try await withDeadline(seconds: 30, { await stuck.run() }) }
        try? await Task.sleep(for: .milliseconds(100))
        caller.cancel()
        let start = ContinuousClock.now
        await #expect(throws: CancellationError.self) { try await caller.value }
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
