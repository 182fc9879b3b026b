import Foundation

/// The one memory rule of slope's jobs: a job estimates what a request will hold before it
/// allocates, and plans for at most the limit asked for, never more than half the machine's.
enum MemoryRule {
    /// The bytes a job may plan for when `asked` bytes are allowed.
    static func allowed(_ asked: Double) -> Double { min(asked, Double(ProcessInfo.processInfo.physicalMemory) / 2) }
}
