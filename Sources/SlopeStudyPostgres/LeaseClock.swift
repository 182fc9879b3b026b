import PostgresNIO
import Synchronization

/// The clock a PostgreSQL store stamps and judges leases by: the server's `now()`, so that
/// workers on hosts whose clocks disagree share one time, shifted by an offset that tests
/// advance instead of waiting (docs/distributed.md, "Leases").
public final class LeaseClock: Sendable {
    private let offset = Mutex(0.0)

    public init() {}

    /// Moves the clock `seconds` ahead of the server's.
    public func advance(by seconds: Double) {
        offset.withLock { $0 += seconds }
    }

    /// Seconds ahead of the server's clock.
    public var shift: Double { offset.withLock { $0 } }
}

extension PostgresQuery.StringInterpolation {
    /// The clock's time now, as an SQL expression of type timestamptz.
    mutating func appendInterpolation(now clock: LeaseClock) {
        appendInterpolation(unescaped: "(now() + make_interval(secs => ")
        appendInterpolation(clock.shift)
        appendInterpolation(unescaped: "))")
    }
}
