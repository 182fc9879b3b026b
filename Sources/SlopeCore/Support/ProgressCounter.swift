import Foundation

/// Counts units of work finished on several threads and reports the total to a callback.
///
/// The callback receives (done, total) and runs under a lock, so it may print.
public final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: @Sendable (Int, Int) -> Void

    public init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.report = report
    }

    /// Adds `units` finished units and reports.
    public func advance(by units: Int) {
        lock.lock()
        defer { lock.unlock() }
        done += units
        report(done, total)
    }
}
