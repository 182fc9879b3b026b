import Dispatch

/// `(0..<count).map(body)` with the calls spread over the machine's cores.
///
/// Each call writes its own slot, so the result does not depend on scheduling.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) rethrows -> [T] {
    let slots = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
        slots.deinitialize()
        slots.deallocate()
    }
    nonisolated(unsafe) let shared = slots
    DispatchQueue.concurrentPerform(iterations: count) { i in
        shared[i] = Result { try body(i) }
    }
    // `rethrows` cannot see that only `body` throws; re-raise through it.
    return try slots.map { slot in try slot!.get() }
}
