import Foundation

/// Work that blocks (waiting for a child process) or computes for long (a proposal, a
/// screening), run on a thread of its own and awaited: Swift's cooperative pool has one
/// thread a core, and a task that held one would delay every other task of the process
/// (heartbeats, other jobs' polls) by as long.
enum OwnThread {
    /// The result of `body`, run on a new thread.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { done in
            let thread = Thread { done.resume(returning: body()) }
            thread.stackSize = 1 << 22
            thread.start()
        }
    }
}
