/// One caller at a time, first come first served, without holding a thread while waiting. A
/// PostgreSQL connection runs one statement or transaction at a time (a transaction must not
/// see another caller's statement inside it); the job slots of one worker claim one at a time
/// (`TrialClaimer`), so they never lose the compare-and-set to each other.
package actor SerialGate {
    package init() {}

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits for the gate; the caller holds it until `leave`.
    package func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the gate to the next caller waiting, or opens it.
    package func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }

    /// The result of `body`, run while holding the gate.
    package func through<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await body()
            leave()
            return result
        } catch {
            leave()
            throw error
        }
    }
}
