import Foundation

/// Set once when the user (Ctrl-C), the system (SIGTERM, a preemption) or the caller of a job
/// asks it to stop; read by the job at its checkpoints (`JobContext`). A study stops its trials
/// and returns; a computation throws `SlopeError.cancelled`.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    private var number: Int32?

    public init() {}

    public var isSet: Bool { lock.withLock { set } }

    /// Throws `SlopeError.cancelled` once the flag is raised: a computation's checkpoint.
    public func check() throws(SlopeError) {
        if isSet { throw SlopeError.cancelled }
    }

    /// Returns once the flag is raised. The flag has no wake-up of its own: it is looked at
    /// every 0.1 s, which costs nothing. Throws `CancellationError` when the task is cancelled.
    public func raised() async throws {
        while !isSet { try await Task.sleep(for: .milliseconds(100)) }
    }

    /// The signal that raised the flag, if one did.
    public var signal: Int32? { lock.withLock { number } }

    /// Raises the flag; `signal` names the signal that asked for it (the first one counts).
    public func raise(signal: Int32? = nil) {
        lock.withLock {
            if !set { number = signal }
            set = true
        }
    }
}
