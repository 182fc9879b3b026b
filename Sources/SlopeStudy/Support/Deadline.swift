import Synchronization

/// An operation that did not end within its deadline.
package struct DeadlineExceeded: Error, CustomStringConvertible {
    package let seconds: Double
    package var description: String { "no answer in \(Int(seconds)) s" }
}

/// The value of `operation`, or `DeadlineExceeded` once `seconds` have passed, or the error
/// `abandon` returns (it returns when the operation can no longer succeed), whichever comes
/// first; `CancellationError` at once when the caller's task is cancelled.
///
/// Unlike a task group, which waits for every child, the caller never waits for an operation
/// that ignores cancellation (a query written to a connection the server has closed may never
/// be answered, and the driver's `ROLLBACK` after a lost transaction is such a query): the
/// operation is cancelled and left to end on its own; a value it delivers after the deadline
/// is handed to `late` (e.g. to close a connection that opened too late).
package func withDeadline<T: Sendable>(seconds: Double,
                               _ operation: @escaping @Sendable () async throws -> T,
                               late: @escaping @Sendable (T) async -> Void = { _ in },
                               abandon: (@Sendable () async throws -> any Error)? = nil) async throws -> T {
    let outcome = FirstOutcome<T>()
    let work = Task {
        do {
            let value = try await operation()
            if !outcome.settle(.success(value)) { await late(value) }
        } catch {
            outcome.settle(.failure(error))
        }
    }
    let timer = Task {
        try? await Task.sleep(for: .seconds(seconds))
        outcome.settle(.failure(DeadlineExceeded(seconds: seconds)))
    }
    let watch = abandon.map { abandon in
        Task { if let reason = try? await abandon() { outcome.settle(.failure(reason)) } }
    }
    defer {
        timer.cancel()
        watch?.cancel()
        work.cancel()
    }
    return try await withTaskCancellationHandler {
        try await outcome.value()
    } onCancel: {
        outcome.settle(.failure(CancellationError()))
    }
}

/// The first of several results offered to one waiter; later ones are refused.
private final class FirstOutcome<T: Sendable>: Sendable {
    private enum State {
        case open(CheckedContinuation<T, any Error>?)
        case settled(Result<T, any Error>)
    }

    private let state = Mutex<State>(.open(nil))

    /// Offers `result`; false when an earlier one was taken.
    @discardableResult
    func settle(_ result: Result<T, any Error>) -> Bool {
        let waiter: CheckedContinuation<T, any Error>?? = state.withLock { state in
            guard case .open(let waiter) = state else { return .none }
            state = .settled(result)
            return .some(waiter)
        }
        guard let waiter else { return false }
        waiter?.resume(with: result)
        return true
    }

    /// The first result offered, waiting for it.
    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let settled: Result<T, any Error>? = state.withLock { state in
                switch state {
                case .settled(let result): return result
                case .open: state = .open(continuation); return nil
                }
            }
            if let settled { continuation.resume(with: settled) }
        }
    }
}
