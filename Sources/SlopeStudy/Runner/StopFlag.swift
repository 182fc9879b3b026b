import Foundation

/// Set once when the user asks a study to stop (Ctrl-C, SIGTERM); read by every worker.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false

    public init() {}

    public var isSet: Bool { lock.withLock { set } }

    public func raise() { lock.withLock { set = true } }
}
