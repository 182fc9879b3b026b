import Foundation

/// Counts units of work finished on several threads and reports the total to a callback;
/// the loops that advance it also ask it whether their job was asked to stop.
///
/// The callback receives (done, total) and runs under a lock, so it may print.
public final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: @Sendable (Int, Int) -> Void
    private let stop: StopFlag?

    /// - Parameter stop: the flag that asks the counted work to stop, if it can be asked.
    public init(total: Int, stop: StopFlag? = nil, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.stop = stop
        self.report = report
    }

    /// True once the job was asked to stop: a loop skips its remaining units, and the job
    /// throws `SlopeError.cancelled` at its next checkpoint instead of returning what it has.
    public var isStopped: Bool { stop?.isSet ?? false }

    /// Throws `SlopeError.cancelled` once the job was asked to stop.
    public func checkStopped() throws(SlopeError) { try stop?.check() }

    /// Adds `units` finished units and reports.
    public func advance(by units: Int) {
        lock.lock()
        defer { lock.unlock() }
        done += units
        report(done, total)
    }
}
