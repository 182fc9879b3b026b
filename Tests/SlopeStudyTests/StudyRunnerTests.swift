import SlopeCore
import Foundation
import Testing
@testable import SlopeStudy

@Suite struct StudyRunnerTests {
    /// A study whose trial fails when opt = bad, and otherwise reports error = lr.
    func study(_ scratch: Scratch, trials: Int = 12, seed: Int = 1) throws -> (StudySpec, String) {
        try scratch.script("trial.sh", """
            case "$*" in *--opt=bad*) echo "bad optimiser" >&2; exit 4;; esac
            lr=${1#--lr=}
            echo "{\\"error\\": $lr}"
            """)
        let text = """
            trials: \(trials)
            seed: \(seed)
            objectives: {error: minimize}
            command: ./trial.sh {args}
            parameters:
              lr: {distribution: uniform, min: 0, max: 1}
              opt: {values: [good, good2, bad]}
            """
        return (try SpecReader.parse(text, file: scratch.file("s.yaml"), folder: scratch.path), text)
    }

    /// The report closure may read the runner's progress (it used to run under the runner's
    /// own lock and deadlock), and it sees the finished count grow, never fall.
    @Test func aReportMayReadTheRunner() async throws {
        let scratch = try Scratch()
        let (spec, _) = try study(scratch)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        let runner = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 3)
        let seen = ProgressLog()
        let final = try await runner.run(stop: StopFlag()) { _ in seen.add(runner.current) }
        #expect(final.finished == 12)
        let counts = seen.items.map(\.finished)
        #expect(counts.last == 12 && zip(counts, counts.dropFirst()).allSatisfy { $0 <= $1 }, "\(counts)")
    }

    /// Heartbeats are timed on the runner's clock, not the wall clock: while a trial runs, none
    /// is sent until the test moves the clock by a heartbeat, then one a heartbeat.
    @Test func heartbeatsFollowTheRunnersClock() async throws {
        let scratch = try Scratch()
        try scratch.script("trial.sh", "sleep 4\necho '{\"error\": 1}'")
        let spec = try SpecReader.parse("trials: 1\nobjectives: {error: minimize}\ncommand: ./trial.sh {args}\nparameters:\n  lr: {distribution: uniform, min: 0, max: 1}\n",
                                        file: scratch.file("s.yaml"), folder: scratch.path)
        let store = BeatCounter(try await TrialStore(path: scratch.file("s.sqlite")))
        let clock = ManualClock()
        let runner = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 1,
                                           lease: try LeaseSettings(heartbeat: 1000, lease: 3000), clock: clock)
        async let final = runner.run(stop: StopFlag())
        func settle(_ beats: Int) async throws {
            let deadline = ContinuousClock.now + .seconds(3)
            while (store.beats != beats || clock.sleeping == 0) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        try await settle(0)
        #expect(store.beats == 0 && clock.sleeping == 1)
        clock.advance(by: .seconds(999))
        try await settle(0)
        #expect(store.beats == 0)
        clock.advance(by: .seconds(1))
        try await settle(1)
        #expect(store.beats == 1)
        clock.advance(by: .seconds(1000))
        try await settle(2)
        #expect(store.beats == 2)
        #expect(try await final.done == 1)
    }

    /// A study whose every trial fails with "no GPU found" on stderr.
    func failingStudy(_ scratch: Scratch) throws -> StudySpec {
        try scratch.script("trial.sh", """
            echo "loading" >&2
            echo "no GPU found" >&2
            exit 1
            """)
        let text = "trials: 12\nobjectives: {error: minimize}\ncommand: ./trial.sh {args}\nparameters:\n  lr: {distribution: uniform, min: 0, max: 1}\n"
        return try SpecReader.parse(text, file: scratch.file("s.yaml"), folder: scratch.path)
    }

    /// Alone on the study, a worker whose trials all fail runs them all (the study, not the
    /// node, is broken), each failure with the last line of its stderr.
    @Test func aWorkerAloneRunsEveryFailingTrial() async throws {
        let scratch = try Scratch()
        let spec = try failingStudy(scratch)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        let final = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 1).run(stop: StopFlag()) { _ in }
        #expect(final.failed == 12 && final.done == 0)
        #expect(try await store.trials(space: spec.space).allSatisfy { $0.failureLine == "exit status 1: no GPU found" })
    }

    /// While another worker holds a trial, a worker whose last 5 trials failed within a minute
    /// stops (a broken node must not burn a study that others carry on).
    @Test func aBrokenNodeStopsWhileOthersCarryOn() async throws {
        let scratch = try Scratch()
        let spec = try failingStudy(scratch)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        let runner = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 1)
        _ = try await #require(try store.claimNext("elsewhere:1:1", spec: spec))
        await #expect(throws: SlopeError.self) { try await runner.run(stop: StopFlag()) { _ in } }
        let failed = try await store.trials(space: spec.space).filter { $0.state == .failed }
        #expect(failed.count == 5, "\(failed.count)")
    }

    @Test func runsEveryTrialAndRecordsFailures() async throws {
        let scratch = try Scratch()
        let (spec, _) = try study(scratch)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        let runner = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 3)
        let seen = ProgressLog()
        let final = try await runner.run(stop: StopFlag()) { seen.add($0) }
        let trials = try await store.trials(space: spec.space)
        let bad = trials.filter { $0.parameters.entries.contains { $0.value == .text("bad") } }
        #expect(!bad.isEmpty && bad.count < 12)
        #expect(bad.allSatisfy { $0.state == .failed && $0.failure == "exit status 4" && $0.stderrTail == "bad optimiser" })
        let done = trials.filter { $0.state == .done }
        #expect(done.count + bad.count == 12)
        for t in done { #expect(t.metric("error") == t.parameters.entries[0].value.number) }
        #expect(final.done == done.count && final.failed == bad.count && final.total == 12)
        #expect(final.best == done.compactMap { $0.metric("error") }.min())
        #expect(seen.items.count == 13 && seen.items.last?.finished == 12)
        #expect(seen.items.map(\.finished) == Array(0...12))

        // A second run of a finished study runs nothing and keeps every result.
        let again = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 2)
        #expect(try await again.run(stop: StopFlag()) == StudyProgress(total: 12, done: final.done, failed: final.failed, best: final.best, eta: nil))
        #expect(try await store.trials(space: spec.space) == trials)
    }

    @Test func aDifferentSpecIsRefused() async throws {
        let scratch = try Scratch()
        let (spec, text) = try study(scratch)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        _ = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 1)
        let (other, _) = try study(scratch, seed: 2)
        await #expect(throws: SlopeError.self) {
            try await StudyRunner(spec: other, store: store, slopeExecutable: "x", jobs: 1)
        }
        // Comments and spacing are not part of the study's identity.
        let commented = try SpecReader.parse("# note\n" + text, file: "s.yaml", folder: scratch.path)
        _ = try await StudyRunner(spec: commented, store: store, slopeExecutable: "x", jobs: 1)
    }
}

/// Collects progress reports from worker threads.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var items: [StudyProgress] = []
    func add(_ p: StudyProgress) { lock.withLock { items.append(p) } }
}
