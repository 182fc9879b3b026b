import SlopeCore
import Synchronization

/// Carries a running trial's step reports from its stdout (read on the child's thread) to the
/// worker's task, which stores them and asks the pruner, and the pruner's decision back to
/// the child. Memory is bounded: at most `reportCap` reports of a trial are kept (the first
/// report of each step); later ones are counted and dropped. Once the trial is pruned, nothing
/// more is kept: what it prints during its grace is not part of its curve, and peers never
/// see it reach a step it was stopped before.
final class TrialMonitor: Sendable {
    /// Step reports kept per trial.
    static let reportCap = 10_000

    private struct State {
        var pending: [StepReport] = []
        var steps = Set<Int>()
        var dropped = 0
        var prunedAt: StepReport?
    }

    private let state = Mutex(State())
    /// Raised when the pruner stops the trial.
    let prune = StopFlag()
    /// One element after new reports came (several arrivals fold into one), finished when
    /// the child has ended and its last lines were read.
    let arrivals: AsyncStream<Void>
    private let arrival: AsyncStream<Void>.Continuation

    init() {
        (arrivals, arrival) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Takes one stdout line: keeps it when it is a step report of a step not seen yet.
    func accept(_ line: String) {
        guard let report = StepReport.parse(line) else { return }
        let kept = state.withLock { s -> Bool in
            guard s.prunedAt == nil, !s.steps.contains(report.step) else { return false }
            guard s.steps.count < Self.reportCap else { s.dropped += 1; return false }
            s.steps.insert(report.step)
            s.pending.append(report)
            return true
        }
        if kept { arrival.yield() }
    }

    /// The child has ended: no more reports.
    func close() { arrival.finish() }

    /// The reports that came since the last call, in the order the trial printed them.
    func take() -> [StepReport] {
        state.withLock { s in
            defer { s.pending = [] }
            return s.pending
        }
    }

    /// Records the report the pruner stopped the trial after, drops the reports that came
    /// after it and were not taken yet, and stops the trial.
    func pruned(at report: StepReport) {
        state.withLock {
            $0.prunedAt = report
            $0.pending = []
        }
        prune.raise()
    }

    /// The report the pruner stopped the trial after.
    var prunedAt: StepReport? { state.withLock { $0.prunedAt } }

    /// Reports past the cap, not kept.
    var dropped: Int { state.withLock { $0.dropped } }
}
