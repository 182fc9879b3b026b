import SlopeCore

extension StopFlag {
    /// The value of `operation`, or nil when the flag was raised and `grace` seconds more
    /// passed first (`raised`); the operation is then cancelled and
    /// its end awaited, so it must answer cancellation (every store call does: a PostgreSQL
    /// statement through `withDeadline`). What waits on the store (opening it while the server
    /// restarts, a claim during an outage) ends with Ctrl-C instead of the outage's two
    /// minutes; the grace lets a call that is about to answer (a claim) end on its own.
    package func unlessRaised<T: Sendable>(grace: Double = 0, _ operation: @escaping @Sendable () async throws -> T) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask { [self] in
                try await raised()
                if grace > 0 { try await Task.sleep(for: .seconds(grace)) }
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return nil }
            return first
        }
    }
}
