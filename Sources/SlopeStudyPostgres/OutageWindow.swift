import Foundation

/// One window for an outage of the server, shared by every call of a store: a call that
/// finds the connection lost retries until `length` seconds after the outage began, not
/// after the call began, so a heartbeat, a finish and the next heartbeat during one outage
/// give up together, `length` seconds in (docs/distributed.md, "Failure behaviour").
struct OutageWindow {
    /// Seconds an outage is waited out.
    let length: Double
    /// When the current outage began; nil while the server answers.
    private(set) var since: Date?

    init(length: Double) { self.length = length }

    /// Until when a call that starts (or retries) at `now` may retry.
    func deadline(now: Date) -> Date { (since ?? now).addingTimeInterval(length) }

    /// The connection was found lost at `now`: an outage begins, unless one is under way.
    mutating func lost(at now: Date) {
        if since == nil { since = now }
    }

    /// The server answered: the outage is over.
    mutating func restored() { since = nil }
}
