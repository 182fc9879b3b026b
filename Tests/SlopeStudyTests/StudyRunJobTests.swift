import Foundation
import SlopeCore
import Testing
@testable import SlopeStudy

/// `StudyRunJob` in the shape of every job: stopped through its context, or by cancelling its
/// task, it returns the study as it stands with its running trials put back to pending.
@Suite struct StudyRunJobTests {
    func request(_ scratch: Scratch) throws -> StudyRunRequest {
        try scratch.script("trial.sh", "sleep 60; echo '{\"error\": 1}'")
        try """
            trials: 4
            seed: 1
            objectives: {error: minimize}
            command: ./trial.sh {args}
            parameters:
              lr: {distribution: uniform, min: 0, max: 1}
            """.write(toFile: scratch.file("s.yaml"), atomically: true, encoding: .utf8)
        return try StudyRunRequest(specPath: scratch.file("s.yaml"), store: scratch.file("s.sqlite"), jobs: 2, slopeExecutable: "x")
    }

    /// Waits until `count` trials of the store run.
    func waitForRunning(_ count: Int, in store: String) async throws {
        for _ in 0..<1000 {
            if FileManager.default.fileExists(atPath: store),
               let overview = try? await StudyStatusJob.run(StudyStatusRequest(store: store)), overview.count(.running) == count { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the trials never ran")
    }

    @Test(arguments: [false, true]) func aStoppedStudyReturnsWithItsTrialsPending(byCancellingTheTask: Bool) async throws {
        let scratch = try Scratch()
        let request = try request(scratch)
        let context = JobContext()
        let job = Task { try await StudyRunJob.run(request, context: context) }
        try await waitForRunning(2, in: request.store)
        if byCancellingTheTask { job.cancel() } else { context.stop.raise() }
        let started = ContinuousClock.now
        let result = try await job.value
        #expect(started.duration(to: .now) < .seconds(30), "the trials were stopped, not waited for")
        #expect(result.stopped && context.stop.isSet)
        #expect(result.progress.finished == 0 && result.request.store == request.store)
        let overview = try await StudyStatusJob.run(StudyStatusRequest(store: request.store))
        #expect(overview.count(.pending) == 4 && overview.count(.running) == 0)
    }

    /// A database that restarts as the worker starts is waited out; a stop ends that wait.
    @Test(.timeLimit(.minutes(1))) func aStopWhileTheStoreOpensEndsTheWait() async throws {
        let scratch = try Scratch()
        let slow = StoreOpener.Kind(claims: { $0.hasPrefix("slow://") },
                                    running: { _, _ in try await Task.sleep(for: .seconds(600)); throw CancellationError() },
                                    reading: { _, _ in throw CancellationError() }, shown: { $0 })
        _ = try request(scratch)
        let request = try StudyRunRequest(specPath: scratch.file("s.yaml"), store: "slow://db", opener: StoreOpener(kinds: [slow]),
                                          jobs: 1, slopeExecutable: "x")
        let context = JobContext()
        let job = Task { try await StudyRunJob.run(request, context: context) }
        try await Task.sleep(for: .milliseconds(200))
        context.stop.raise()
        let started = ContinuousClock.now
        await #expect(throws: SlopeError.cancelled) { try await job.value }
        #expect(started.duration(to: .now) < .seconds(30))
    }
}
