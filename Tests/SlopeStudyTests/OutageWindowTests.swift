import Foundation
import Testing
@testable import SlopeStudyPostgres

/// One outage, one window: calls made during an outage share its deadline (a heartbeat, a
/// finish and the next heartbeat gave up after 370 s where 120 s were documented).
@Suite struct OutageWindowTests {
    @Test func callsDuringOneOutageShareItsDeadline() {
        let t0 = Date(timeIntervalSince1970: 1000)
        var window = OutageWindow(length: 120)
        #expect(window.deadline(now: t0) == t0.addingTimeInterval(120))
        window.lost(at: t0)
        // A later call (the finish, then the next heartbeat) keeps the outage's deadline.
        window.lost(at: t0.addingTimeInterval(100))
        #expect(window.deadline(now: t0.addingTimeInterval(100)) == t0.addingTimeInterval(120))
        #expect(window.deadline(now: t0.addingTimeInterval(130)) < t0.addingTimeInterval(130))
        // The server answered: the next outage has a window of its own.
        window.restored()
        let t1 = t0.addingTimeInterval(500)
        window.lost(at: t1)
        #expect(window.deadline(now: t1.addingTimeInterval(5)) == t1.addingTimeInterval(120))
    }
}
