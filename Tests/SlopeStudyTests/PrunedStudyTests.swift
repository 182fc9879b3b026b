import SlopeCore
import Foundation
import Testing
@testable import SlopeStudy

/// Studies with a pruner, run end to end: trials report steps on stdout, the pruner stops the
/// bad ones, and nothing of a pruned trial survives it.
@Suite struct PrunedStudyTests {
    /// A trial reports error = x at every step of 8 (0.15 s apart: a decision comes well
    /// before the trial's end even on a loaded machine), then its final metrics.
    static let steady = """
        x=${1#--x=}
        for s in 1 2 3 4 5 6 7 8; do echo "{\\"step\\": $s, \\"error\\": $x}"; sleep 0.15; done
        echo "{\\"error\\": $x}"
        """

    func spec(_ scratch: Scratch, script: String, pruner: String, trials: Int = 10) throws -> StudySpec {
        try scratch.script("trial.sh", script)
        let text = """
            trials: \(trials)
            seed: 4
            objectives: {error: minimize}
            command: ./trial.sh {args}
            pruner: \(pruner)
            parameters:
              x: {distribution: uniform, min: 0, max: 1}
            """
        return try SpecReader.parse(text, file: scratch.file("s.yaml"), folder: scratch.path)
    }

    /// The median rule with one job: after 2 done trials, a trial whose error is above the
    /// median of the done trials' errors at step 1 is pruned at step 1 and keeps that report;
    /// the others run to the end; every trial's reports are stored.
    @Test func theMedianRulePrunesTheWorseHalf() async throws {
        let scratch = try Scratch()
        let spec = try spec(scratch, script: Self.steady, pruner: "{kind: median, startup_trials: 2, grace: 1}")
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        let final = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 1).run(stop: StopFlag())
        let trials = try await store.trials(space: spec.space)
        #expect(final.pruned == trials.filter { $0.state == .pruned }.count && final.finished == 10)
        var done: [Double] = []
        for t in trials {
            let x = try #require(t.parameters["x"]?.number)
            if done.count >= 2 {
                let median = Pruner.median(done)
                #expect((t.state == .pruned) == (x > median), "trial \(t.id): x \(x), median \(median)")
            } else {
                #expect(t.state == .done)
            }
            if t.state == .done { done.append(x) }
            if t.state == .pruned { #expect(t.lastStep == 1 && t.metric("error") == x) }
        }
        #expect(final.pruned >= 2)
        let curves = try await store.stepReports()
        for t in trials where t.state == .done { #expect(curves[t.id]?.map(\.step) == Array(1...8)) }
    }

    /// Fixed bounds stop a training gone astray from the first trial on, with no peers to
    /// compare: x > 0.7 diverges (its error grows past the bound at step 3), x < 0.2 reports
    /// NaN (null) at step 2; the others run to the end.
    @Test func theThresholdRuleStopsDivergedTrainings() async throws {
        let scratch = try Scratch()
        let script = """
            x=${1#--x=}
            for s in 1 2 3 4 5 6 7 8; do
              e=$(awk -v x="$x" -v s="$s" 'BEGIN { if (x > 0.7 && s >= 3) print 1000 * s; else if (x < 0.2 && s == 2) print "null"; else print x }')
              echo "{\\"step\\": $s, \\"error\\": $e}"; sleep 0.15
            done
            echo "{\\"error\\": $x}"
            """
        let spec = try spec(scratch, script: script, pruner: "{kind: threshold, upper: 100, grace: 1}", trials: 12)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        let final = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 2).run(stop: StopFlag())
        let trials = try await store.trials(space: spec.space)
        #expect(final.finished == 12)
        var astray = 0
        for t in trials {
            let x = try #require(t.parameters["x"]?.number)
            if x > 0.7 || x < 0.2 {
                astray += 1
                #expect(t.state == .pruned && t.lastStep == (x > 0.7 ? 3 : 2), "trial \(t.id): x \(x), \(t.state), step \(String(describing: t.lastStep))")
            } else {
                #expect(t.state == .done && t.metric("error") == x, "trial \(t.id): x \(x)")
            }
        }
        #expect(astray >= 2 && astray < 12, "the seeded draws hold both kinds")
    }

    /// A pruned trial that ignores SIGTERM and leaves a child of its own is killed with its
    /// whole process group after the grace: no process outlives it.
    @Test func noProcessOutlivesAPrunedTrial() async throws {
        let scratch = try Scratch()
        let marker = "\(Int.random(in: 100_000...999_999))"
        let script = """
            trap '' TERM
            x=${1#--x=}
            sleep 7\(marker) &
            for s in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do echo "{\\"step\\": $s, \\"error\\": $x}"; sleep 0.2; done
            echo "{\\"error\\": $x}"
            """
        let spec = try spec(scratch, script: script, pruner: "{kind: asha, min_step: 1, reduction_factor: 2, grace: 0.5}", trials: 4)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        let final = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 1).run(stop: StopFlag())
        #expect(final.pruned >= 1)
        let pruned = try await store.trials(space: spec.space).filter { $0.state == .pruned }
        // Each pruned trial, which ignores SIGTERM, was killed before its 20 steps: its reports
        // end short of them.
        let curves = try await store.stepReports()
        for t in pruned {
            let last = try #require(curves[t.id]?.last?.step)
            #expect(last < 20, "trial \(t.id) pruned at \(t.lastStep ?? 0) reported up to \(last)")
            // What it printed during its grace is not kept: its curve ends where it was stopped.
            #expect(last == t.lastStep, "trial \(t.id) pruned at \(t.lastStep ?? 0) reported up to \(last)")
        }
        let survivors = Process()
        survivors.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        survivors.arguments = ["-f", "sleep 7\(marker)"]
        try survivors.run()
        survivors.waitUntilExit()
        // The trials that ran to the end left their background sleep too; pruned or not, a
        // trial's process group is gone once it is recorded.
        #expect(survivors.terminationStatus == 1, "a process of a trial survived it")
    }

    /// The last stdout line must be the final metrics: a trial that ends on a step report fails
    /// saying so.
    @Test func aTrialEndingOnAStepReportFails() async throws {
        let scratch = try Scratch()
        let spec = try spec(scratch, script: "echo '{\"step\": 1, \"error\": 0.5}'", pruner: "{kind: median}", trials: 1)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        _ = try await StudyRunner(spec: spec, store: store, slopeExecutable: "x", jobs: 1).run(stop: StopFlag())
        let t = try #require(try await store.trials(space: spec.space).first)
        #expect(t.state == .failed && (t.failure ?? "").contains("is a step report"), "\(t.failure ?? "")")
        #expect(try await store.stepReports()[1]?.map(\.step) == [1])
    }
}
