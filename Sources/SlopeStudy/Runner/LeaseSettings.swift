import SlopeCore

/// How a worker keeps its claims alive (docs/distributed.md, "The life of a trial").
public struct LeaseSettings: Sendable, Equatable {
    /// Seconds between two renewals of the worker's leases.
    public let heartbeat: Double
    /// Seconds without a renewal after which any worker may take a running trial back.
    public let lease: Double

    /// - Throws: `SlopeError.invalidSetting` unless 0 < heartbeat and heartbeat · 2 ≤ lease
    ///   (a lease must survive one late renewal).
    public init(heartbeat: Double = 10, lease: Double = 60) throws {
        guard heartbeat > 0 && heartbeat.isFinite else {
            throw SlopeError.invalidSetting(.heartbeat, reason: "must be a positive number of seconds")
        }
        guard lease.isFinite && lease >= 2 * heartbeat else {
            throw SlopeError.invalidSetting(.lease, reason: "must be at least twice the heartbeat (\(heartbeat) s)")
        }
        self.heartbeat = heartbeat
        self.lease = lease
    }
}
