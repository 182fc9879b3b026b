import Foundation
import Synchronization
import Testing
@testable import SlopeCore

/// Every job's context: a raised stop flag ends a computation early with `.cancelled` and no
/// result; errors that are not slope's own reach the caller as `SlopeError`s.
@Suite struct JobStopTests {
    /// Raises `stop` at the first report of `stage`, and keeps the largest count it saw.
    final class StopAtFirst: ProgressReporter {
        let stage: JobStage, stop: StopFlag
        private let seen = Mutex<(done: Int, total: Int)>((0, 0))
        init(_ stage: JobStage, _ stop: StopFlag) { self.stage = stage; self.stop = stop }
        func report(_ stage: JobStage, done: Int, total: Int) {
            guard stage == self.stage else { return }
            seen.withLock { $0 = (max($0.done, done), total) }
            stop.raise()
        }
        func started(_ stage: JobStage) {}
        var largest: (done: Int, total: Int) { seen.withLock { $0 } }
    }

    @Test func aStoppedTrainingThrowsCancelledBeforeItsLastEpoch() throws {
        var training = TrainingOptions()
        training.epochs = 2000
        training.restarts = 4
        let request = try AnalysisRequest(table: TableSource(path: JobTests.diabetes), training: training,
                                          reading: ReadingOptions(nullTrainings: 0))
        let stop = StopFlag()
        let watcher = StopAtFirst(.training, stop)
        #expect(throws: SlopeError.cancelled) { try AnalysisJob.run(request, context: JobContext(progress: watcher, stop: stop)) }
        // Training reports every 1% of the epochs: it stopped at the first report.
        let seen = watcher.largest
        #expect(seen.total == 2000 * 4 && seen.done > 0 && seen.done <= seen.total / 50)
        // The same request, not stopped, finishes.
        training.epochs = 20
        _ = try AnalysisJob.run(try AnalysisRequest(table: TableSource(path: JobTests.diabetes), training: training,
                                                    reading: ReadingOptions(nullTrainings: 0)))
    }

    @Test func aStoppedHSICSkipsItsRemainingPermutations() throws {
        let source = try TableSource(path: Paths.exampleData("ishigami.csv").path, columns: ColumnSelection(target: "y"))
        var options = HSICOptions()
        options.permutations = 20_000
        let stop = StopFlag()
        let watcher = StopAtFirst(.hsic, stop)
        let request = try HSICRequest(table: source, options: options)
        #expect(throws: SlopeError.cancelled) { try HSICJob.run(request, context: JobContext(progress: watcher, stop: stop)) }
        let seen = watcher.largest
        #expect(seen.total > 0 && seen.done < seen.total / 2)
    }

    @Test func aFlagRaisedBeforehandStopsEveryComputation() throws {
        let stop = StopFlag()
        stop.raise()
        let context = JobContext(stop: stop)
        var training = TrainingOptions()
        training.epochs = 200
        training.restarts = 1
        #expect(throws: SlopeError.cancelled) {
            try SurfaceJob.run(SurfaceRequest(table: TableSource(path: JobTests.diabetes), training: training,
                                              surface: SurfaceOptions(grid: 3)), context: context)
        }
        var mlp = MLPOptions()
        mlp.epochs = 5
        mlp.width = 4
        let epochs = Mutex(0)
        #expect(throws: SlopeError.cancelled) {
            try MLPJob.run(MLPRequest(source: .csv(JobTests.diabetes, target: nil), options: mlp), context: context) { _ in
                epochs.withLock { $0 += 1 }
            }
        }
        #expect(epochs.withLock { $0 } == 0)
    }

    @Test func aStoppedMLPEndsAfterTheEpochThatSeesIt() throws {
        var mlp = MLPOptions()
        mlp.epochs = 50
        mlp.width = 4
        let stop = StopFlag()
        let epochs = Mutex(0)
        #expect(throws: SlopeError.cancelled) {
            try MLPJob.run(MLPRequest(source: .csv(JobTests.diabetes, target: nil), options: mlp),
                           context: JobContext(stop: stop)) { e in
                epochs.withLock { $0 = e.epoch }
                if e.epoch == 3 { stop.raise() }
            }
        }
        #expect(epochs.withLock { $0 } == 3)
    }

    @Test func errorsThatAreNotSlopesAreNamedAsDefects() {
        struct Odd: Error, CustomStringConvertible { var description: String { "odd thing" } }
        #expect(SlopeError(CancellationError()) == .cancelled)
        #expect(SlopeError(SlopeError.emptyFile(file: "a.csv")) == .emptyFile(file: "a.csv"))
        #expect(SlopeError(Odd()) == .unexpected(reason: "odd thing"))
        #expect(SlopeError(Odd()).description == "an unexpected error (a defect of slope; please report it): odd thing")
        #expect(throws: SlopeError.unexpected(reason: "odd thing")) { try JobContext().perform { _ in throw Odd() } }
        #expect(SlopeError.cancelled.description == "stopped before it finished; nothing was written")
    }

    @Test func cancellingTheTaskStopsAnAsyncJob() async throws {
        let context = JobContext()
        let started = Mutex(false)
        let job = Task {
            try await context.perform { context in
                started.withLock { $0 = true }
                // Stands for a job's loop: it looks at the flag between units of work.
                while !context.stop.isSet { try? await Task.sleep(for: .milliseconds(5)) }
                try context.checkStopped()
            }
        }
        while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        job.cancel()
        await #expect(throws: SlopeError.cancelled) { try await job.value }
        #expect(context.stop.isSet)
    }
}
