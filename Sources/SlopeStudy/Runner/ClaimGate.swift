/// Lets one claim of a process's job slots at a time through (first come, first served): the
/// slots of one runner then never propose against each other and lose the compare-and-set to
/// their own process; only other processes' claims can come first.
actor ClaimGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits for the gate, then holds it.
    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the gate to the next waiting claim, or opens it.
    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }

    /// `body` run while holding the gate.
    func holding<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let value = try await body()
            leave()
            return value
        } catch {
            leave()
            throw error
        }
    }
}
