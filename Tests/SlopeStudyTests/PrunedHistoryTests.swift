import SlopeCore
import Testing
@testable import SlopeStudy

/// Pruned trials in what the search and the analysis read: TPE ranks them below the completed
/// ones, by step reached then value (as Optuna 5's `_split_pruned_trials`); the analysis
/// reads them through the target rule for stopped trials.
@Suite struct PrunedHistoryTests {
    static let error = Objective(name: "error", direction: .minimize)

    static func trial(_ id: Int, _ state: TrialState, error: Double?, step: Int? = nil) -> TrialObservation {
        TrialObservation(id: id, stage: 0, placement: .tpe, parameters: TrialParameters([("x", .real(Double(id) / 10))]), state: state,
                         metrics: error.map { TrialMetrics([("error", $0)]) }, wallTime: 1, peakRSS: nil, lastStep: step)
    }

    /// 2 done, 4 pruned (at steps 3, 3, 5 and one without a report), 1 failed, 1 running;
    /// goal 0.5 of 7 finished = 4 good: both done trials, then the pruned one that got
    /// furthest, then of the two at step 3 the better.
    @Test func tpeRanksPrunedTrialsBelowCompletedOnes() {
        let trials = [
            Self.trial(1, .done, error: 0.9), Self.trial(2, .pruned, error: 0.2, step: 3), Self.trial(3, .pruned, error: 0.4, step: 5),
            Self.trial(4, .done, error: 0.95), Self.trial(5, .pruned, error: 0.1, step: 3), Self.trial(6, .pruned, error: nil),
            Self.trial(7, .failed, error: nil), Self.trial(8, .running, error: nil),
        ]
        let split = TPESplit(trials, objectives: [Self.error], goal: 0.5)
        #expect(split.finished == 7)
        #expect(split.good.map(\.id) == [1, 3, 4, 5])
        #expect(split.bad.map(\.id) == [2, 6, 7, 8])
        // Without pruned trials the split is as before: the done ones only can be good.
        let plain = TPESplit(trials.filter { $0.state != .pruned }, objectives: [Self.error], goal: 0.5)
        #expect(plain.good.map(\.id) == [1, 4] && plain.bad.map(\.id) == [7, 8])
        // With several objectives pruned trials are all bad.
        let two = TPESplit(trials, objectives: [Self.error, Objective(name: "t", direction: .minimize)], goal: 0.5)
        #expect(two.good.allSatisfy { $0.state != .pruned })
    }

    /// The analysis reads a pruned trial through the target rule: no value of its own, ranked
    /// below the completed trials by its last report; its wall time is not a cost of a
    /// finished trial.
    @Test func theAnalysisReadsPrunedTrialsAsStoppedEarly() throws {
        let spec = try parse(toySpec.replacingOccurrences(of: "sampler: lhs", with: "sampler: random"))
        let trials = (1...12).map { id -> TrialObservation in
            let p = TrialParameters([("lr", .real(0.001 * Double(id))), ("width", .integer(8 + id)), ("optimizer", .text("sgd"))])
            let pruned = id > 8
            return TrialObservation(id: id, stage: 0, placement: .random, parameters: p, state: pruned ? .pruned : .done,
                                    metrics: TrialMetrics([("error", Double(id))]), wallTime: pruned ? 0.1 : 2, peakRSS: nil,
                                    lastStep: pruned ? id - 8 : nil)
        }
        let table = try TrialTable(spec: spec, trials: trials, source: "t", columns: ColumnSelection())
        let error = try #require(table.objectives.first { $0.name == "error" })
        #expect(error.values.compactMap { $0 }.count == 8)
        #expect(error.stopped.compactMap { $0 } == (9...12).map { StoppedEarly(step: $0 - 8, value: Double($0)) })
        let wall = try #require(table.objectives.first { $0.name == RecordedObjective.wallTime })
        #expect(wall.values.compactMap { $0 } == Array(repeating: 2, count: 8))
    }
}

/// `study status`'s best trial is a done one, never a pruned trial's last report (which may
/// be lower: it was stopped before it finished).
@Suite struct PrunedBestTests {
    @Test func theBestTrialIsADoneOne() async throws {
        let scratch = try Scratch()
        let text = "trials: 2\nobjectives: {error: minimize}\ncommand: ./t.sh\npruner: {kind: median}\nparameters:\n  x: {distribution: uniform, min: 0, max: 1}\n"
        let spec = try SpecReader.parse(text, file: "s.yaml", folder: scratch.path)
        let path = scratch.file("s.sqlite")
        let store = try await TrialStore(path: path)
        try await store.create(name: spec.name, spec: text, fingerprint: try spec.fingerprint(), plan: spec.plan())
        let a = try #require(try await store.claimNext("w", spec: spec)), b = try #require(try await store.claimNext("w", spec: spec))
        #expect(try await store.finish(a, worker: "w", .done(metrics: TrialMetrics([("error", 0.5)]), wallTime: 1, peakRSS: nil)))
        #expect(try await store.finish(b, worker: "w", .pruned(last: StepReport(step: 1, metrics: TrialMetrics([("error", 0.1)])),
                                                                wallTime: 1, peakRSS: nil)))
        await store.close()
        let overview = try await StudyStatusJob.run(StudyStatusRequest(store: path))
        #expect(overview.best.map(\.trial) == [a.id] && overview.best.first?.value == 0.5)
    }
}
