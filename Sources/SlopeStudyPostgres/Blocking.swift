import SlopeStudy
import Foundation

/// Runs async work to completion from a synchronous caller (a job thread of the runner, the
/// main thread of a command, a test), blocking that thread only.
///
/// The work runs on a task executor of its own (a serial dispatch queue), never on Swift's
/// cooperative pool: a caller that is itself on that pool (a test, an async caller) may block
/// without starving the work it waits for.
enum Blocking {
    private final class Box<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    /// The executor of all waited-for work.
    private final class QueueExecutor: TaskExecutor, @unchecked Sendable {
        let queue = DispatchQueue(label: "slope.blocking", attributes: .concurrent)

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    private static let executor = QueueExecutor()

    /// Waited-for work that did not end in time (its task is cancelled and left to end).
    struct TimedOut: Error {}

    /// The result of `body`; `TimedOut` after `timeout` seconds.
    static func wait<T: Sendable>(timeout: Double, _ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>(), done = DispatchSemaphore(value: 0), lock = NSLock()
        let task = Task(executorPreference: executor) {
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            lock.withLock { box.result = result }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else {
            task.cancel()
            throw TimedOut()
        }
        guard let result = lock.withLock({ box.result }) else { throw CancellationError() }
        return try result.get()
    }
}
