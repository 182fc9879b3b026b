import Foundation

/// Set once when the user (Ctrl-C) or the system (SIGTERM, a preemption) asks a study to
/// stop, or a worker must stop; read by every job.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    private var number: Int32?

    public init() {}

    public var isSet: Bool { lock.withLock { set } }

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
