import Foundation
import Testing
import SlopeCore
@testable import SlopeStudy
import SlopeStudyPostgres

extension StudyStore {
    /// The next trial for `worker`, claimed as a runner claims it; nil when none can start.
    func claimNext(_ worker: String, spec: StudySpec) async throws -> StoredTrial? {
        if case let .trial(t) = try await TrialClaimer(store: self, spec: spec, worker: worker).next() { return t }
        return nil
    }
}

/// The stores under test: an SQLite file always; PostgreSQL when SLOPE_TEST_POSTGRES names a
/// server (CI has one).
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var available: [StoreKind] { PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A new store holding the study of `text` (its `name:` made unique), with the spec, and a
    /// maker of more connections to the same store (other workers).
    func study(_ text: String) async throws -> (store: any StudyStore, spec: StudySpec, connect: @Sendable () async throws -> any StudyStore) {
        let scratch = try Scratch()
        let name = "c\(UUID().uuidString.prefix(8).lowercased())"
        let unique = text.replacingOccurrences(of: "name: toy", with: "name: \(name)")
        let spec = try SpecReader.parse(unique, file: "toy.yaml", folder: scratch.path)
        let connect: @Sendable () async throws -> any StudyStore
        switch self {
        case .sqlite:
            connect = { try await TrialStore(path: scratch.file("s.sqlite")) }
        case .postgres:
            let url = try #require(PostgresTestServer.url)
            connect = { try await PostgresStore(address: PostgresAddress(url), study: name) }
        }
        let store = try await connect()
        try await store.create(name: spec.name, spec: unique, fingerprint: try spec.fingerprint(), plan: spec.plan())
        // A second create (another worker arriving) changes nothing.
        try await store.create(name: spec.name, spec: unique, fingerprint: try spec.fingerprint(), plan: spec.plan())
        return (store, spec, connect)
    }
}

/// The contract every study store keeps (docs/distributed.md), run against each store.
@Suite struct StoreContractTests {
    static let tpeSpec = """
        name: toy
        trials: 30
        seed: 5
        sampler: tpe
        tpe: {startup: 4}
        objectives: {error: minimize}
        command: ./t.sh {args}
        parameters:
          lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
          optimizer: {values: [sgd, momentum]}
          momentum: {distribution: uniform, min: 0.0, max: 0.99, when: {optimizer: momentum}}
        """

    static let done = TrialOutcome.done(metrics: TrialMetrics([("error", 0.5)]), wallTime: 1.5, peakRSS: 1000)

    @Test(arguments: StoreKind.available)
    func lifeOfATrial(kind: StoreKind) async throws {
        let (store, spec, _) = try await kind.study(toySpec)
        #expect(try await store.study()?.name == spec.name)
        #expect(try await store.trials(space: spec.space).map(\.state) == Array(repeating: .pending, count: 30))
        #expect(try await store.trials(space: spec.space).map(\.parameters) == spec.plan().map(\.parameters))

        let first = try await #require(try store.claimNext("w1", spec: spec))
        #expect(first.id == 1 && first.state == .running && first.worker == "w1" && first.attempts == 1 && first.startedAt != nil)
        #expect(try await store.finish(first, worker: "w1", Self.done))
        let second = try await #require(try store.claimNext("w1", spec: spec))
        #expect(try await store.finish(second, worker: "w1", .failed(reason: "exit status 1", stderrTail: "boom", wallTime: 0.1, peakRSS: 10)))
        let third = try await #require(try store.claimNext("w2", spec: spec))
        // Only the worker that holds the claim may report it.
        #expect(try await !store.finish(third, worker: "w1", Self.done))
        try await store.release(third, worker: "w2")

        let trials = try await store.trials(space: spec.space)
        #expect(trials[0].state == .done && trials[0].metrics == TrialMetrics([("error", 0.5)]) && trials[0].wallTime == 1.5 && trials[0].peakRSS == 1000)
        #expect(trials[1].state == .failed && trials[1].failure == "exit status 1" && trials[1].stderrTail == "boom")
        #expect(trials[2].state == .pending && trials[2].attempts == 1)
        // Finishing a trial that is not running changes nothing; nor does a released claim's
        // holder, once another worker runs the trial again (fencing by attempt).
        #expect(try await !store.finish(third, worker: "w2", Self.done))
        let again = try await #require(try store.claimNext("w3", spec: spec))
        #expect(again.id == third.id && again.attempts == 2)
        #expect(try await !store.finish(third, worker: "w2", Self.done))
        #expect(try await store.finish(again, worker: "w3", Self.done))
        #expect(try await store.retryFailed() == 1)
        let retried = try await store.trials(space: spec.space)[1]
        #expect(retried.state == .pending && retried.failure == nil)
        #expect(try await store.trials(space: spec.space).filter { $0.state == .pending }.count == 28)
    }

    /// `changes(since:)` returns exactly the rows changed after a version; heartbeats and
    /// refused writes change no version; claims are counted.
    /// Step reports: kept for the claim that made them (a lost claim's are refused), the
    /// first report of a step kept, read back per trial and per step (exactly, or the first
    /// at or past it), dropped when the trial is claimed again; a pruned trial keeps its last
    /// report and step; reports change no version.
    @Test(arguments: StoreKind.available)
    func stepReportsAndPrunedTrials(kind: StoreKind) async throws {
        let (store, spec, _) = try await kind.study(toySpec)
        func r(_ step: Int, _ error: Double) -> StepReport { StepReport(step: step, metrics: TrialMetrics([("error", error), ("lr", 0.1)])) }
        let a = try await #require(try store.claimNext("w1", spec: spec))
        let b = try await #require(try store.claimNext("w1", spec: spec))
        let version = try await store.changes(since: -1, space: spec.space).version
        #expect(try await store.report(a, worker: "w1", [r(1, 0.9), r(2, 0.8), r(4, 0.7)]))
        #expect(try await store.report(a, worker: "w1", [r(2, 0.1), StepReport(step: 5, metrics: TrialMetrics([]), notFinite: ["error"])]))
        #expect(try await store.report(b, worker: "w1", [r(3, 0.5)]))
        #expect(try await !store.report(b, worker: "w2", [r(9, 0.5)]))
        #expect(try await store.changes(since: version, space: spec.space).trials.isEmpty)

        let curves = try await store.stepReports()
        #expect(curves[a.id]?.map(\.step) == [1, 2, 4, 5])
        #expect(curves[a.id]?[1].metrics["error"] == 0.8)
        #expect(curves[a.id]?.last?.value(of: "error")?.isNaN == true)
        #expect(curves[b.id]?.map(\.step) == [3])
        let atTwo = try await store.peers(at: 2, orLater: false)
        #expect(atTwo.entries.map(\.trial) == [a.id] && atTwo.done == 0)
        let pastTwo = try await store.peers(at: 2, orLater: true)
        #expect(pastTwo.entries.map(\.trial) == [a.id, b.id])
        #expect(pastTwo.entries.map(\.report.step) == [2, 3] && pastTwo.entries.map(\.state) == [.running, .running])

        #expect(try await store.finish(a, worker: "w1", .pruned(last: r(4, 0.7), wallTime: 2, peakRSS: 100)))
        #expect(try await store.finish(b, worker: "w1", Self.done))
        let trials = try await store.trials(space: spec.space)
        #expect(trials[0].state == .pruned && trials[0].lastStep == 4 && trials[0].metric("error") == 0.7)
        #expect(trials[1].state == .done && trials[1].lastStep == nil)
        #expect(try await store.peers(at: 3, orLater: false).entries.map(\.state) == [.done])
        #expect(try await store.peers(at: 3, orLater: false).done == 1)
        #expect(try await store.workers(lease: 60).first?.pruned == 1)

        // A trial run again reports again: its earlier attempt's reports are gone.
        let c = try await #require(try store.claimNext("w1", spec: spec))
        #expect(try await store.report(c, worker: "w1", [r(1, 0.3)]))
        #expect(try await store.peers(at: 1, orLater: false).entries.map(\.trial) == [a.id, c.id])
        try await store.release(c, worker: "w1")
        #expect(try await store.peers(at: 1, orLater: false).entries.map(\.trial) == [a.id])
        let again = try await #require(try store.claimNext("w2", spec: spec))
        #expect(again.id == c.id)
        #expect(try await store.stepReports()[c.id] == nil)
        #expect(try await store.peers(at: 1, orLater: false).entries.map(\.trial) == [a.id])
    }

    @Test(arguments: StoreKind.available)
    func changesSinceAVersionAreTheChangedRows(kind: StoreKind) async throws {
        let (store, spec, _) = try await kind.study(toySpec)
        let all = try await store.changes(since: -1, space: spec.space)
        #expect(all.trials.map(\.trial.id) == Array(1...30) && all.trials.allSatisfy { $0.version <= all.version })
        #expect(try await store.changes(since: all.version, space: spec.space).trials.isEmpty)

        let t = try await #require(try store.claimNext("w1", spec: spec))
        let claimed = try await store.changes(since: all.version, space: spec.space)
        #expect(claimed.trials.map(\.trial) == [t] && claimed.version > all.version && claimed.claims == all.claims + 1)
        try await store.heartbeat(worker: "w1", trials: [t])
        #expect(try await !store.finish(t, worker: "w2", Self.done))
        let quiet = try await store.changes(since: claimed.version, space: spec.space)
        #expect(quiet.trials.isEmpty && quiet.version == claimed.version)

        #expect(try await store.finish(t, worker: "w1", Self.done))
        let finished = try await store.changes(since: claimed.version, space: spec.space)
        #expect(finished.trials.map(\.trial.id) == [1] && finished.trials[0].trial.state == .done && finished.claims == claimed.claims)
        // A history brought up to date piece by piece equals one read whole.
        let history = TrialHistory(space: spec.space)
        _ = try await history.refresh(from: store)
        _ = try await #require(try store.claimNext("w1", spec: spec))
        #expect(try await history.refresh(from: store).trials == store.trials(space: spec.space).map(\.observation))
    }

    /// A claim with a proposal made from a history that another claim has since changed is
    /// refused and writes nothing; the claimer then proposes again from the new history.
    @Test(arguments: StoreKind.available)
    func aClaimLosesToAnEarlierOne(kind: StoreKind) async throws {
        let (store, spec, connect) = try await kind.study(Self.tpeSpec)
        for _ in 0..<4 { _ = try await #require(try store.claimNext("w1", spec: spec)) }
        let head = try await #require(try store.pendingHead(space: spec.space))
        #expect(head.trial.id == 5 && head.trial.awaitsProposal && head.stageOpen)
        let seen = try await TrialHistory(space: spec.space).refresh(from: store)
        let stale = spec.proposal(for: head.trial.observation, history: seen.trials, decisions: seen.decisions)

        let other = try await connect()
        let winner = try await #require(try other.claimNext("w2", spec: spec))
        #expect(winner.id == 5 && !winner.parameters.entries.isEmpty)
        let before = try await store.changes(since: -1, space: spec.space)
        #expect(try await store.claim(5, worker: "w1", proposal: stale, ifClaims: seen.claims, space: spec.space) == nil)
        #expect(try await store.claim(6, worker: "w1", proposal: stale, ifClaims: seen.claims, space: spec.space) == nil)
        let after = try await store.changes(since: -1, space: spec.space)
        #expect(after.version == before.version && after.trials.map(\.trial) == before.trials.map(\.trial))
        // The proposal made anew sees trial 5 running (the constant liar) and claims trial 6.
        let next = try await #require(try store.claimNext("w1", spec: spec))
        #expect(next.id == 6 && !next.parameters.entries.isEmpty)
    }

    /// A stage's trials wait until every trial of the stages before it has finished, whatever
    /// the claim says.
    @Test(arguments: StoreKind.available)
    func aStageWaitsForTheOnesBefore(kind: StoreKind) async throws {
        let staged = """
            name: toy
            seed: 2
            objectives: {error: minimize}
            command: ./t.sh {args}
            stages:
              - {name: a, trials: 2, sampler: sobol}
              - {name: b, trials: 2, sampler: random}
            parameters:
              lr: {distribution: uniform, min: 0, max: 1}
            """
        let (store, spec, _) = try await kind.study(staged)
        let a1 = try #require(try await store.claimNext("w", spec: spec))
        let a2 = try #require(try await store.claimNext("w", spec: spec))
        #expect(try await TrialClaimer(store: store, spec: spec, worker: "w").next() == .waiting)
        #expect(try await store.pendingHead(space: spec.space)?.stageOpen == false)
        #expect(try await store.claim(3, worker: "w", proposal: nil, ifClaims: nil, space: spec.space) == nil)
        #expect(try await store.finish(a1, worker: "w", Self.done))
        #expect(try await store.finish(a2, worker: "w", .failed(reason: "x", stderrTail: "", wallTime: nil, peakRSS: nil)))
        #expect(try await store.claimNext("w", spec: spec)?.id == 3)
    }

    /// Workers on their own connections claim at once, with TPE proposing: every trial once,
    /// each with its parameters, and no claim lost for good.
    @Test(arguments: StoreKind.available)
    func concurrentClaimsTakeEveryTrialOnce(kind: StoreKind) async throws {
        let (_, spec, connect) = try await kind.study(Self.tpeSpec)
        let claimed = try await withThrowingTaskGroup(of: [Int].self) { group in
            for k in 0..<4 {
                group.addTask {
                    let own = try await connect()
                    var ids: [Int] = []
                    while let t = try await own.claimNext("w\(k)", spec: spec) {
                        ids.append(t.id)
                        let error = t.parameters["lr"]?.number ?? 1
                        _ = try await own.finish(t, worker: "w\(k)", .done(metrics: TrialMetrics([("error", error)]), wallTime: 0, peakRSS: 0))
                    }
                    await own.close()
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claimed.sorted() == Array(1...30))
        let trials = try await connect().trials(space: spec.space)
        #expect(trials.allSatisfy { $0.state == .done && $0.attempts == 1 && !$0.parameters.entries.isEmpty })
    }

    /// The job slots of one worker share its claimer: they claim one at a time, so none loses
    /// the compare-and-set to its own worker's slots (each TPE proposal is made once).
    @Test(arguments: StoreKind.available)
    func slotsOfOneWorkerNeverLoseToEachOther(kind: StoreKind) async throws {
        let (store, spec, _) = try await kind.study(Self.tpeSpec)
        let counted = BeatCounter(store)
        let claimer = TrialClaimer(store: counted, spec: spec, worker: "w")
        let claimed = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var ids: [Int] = []
                    while case let .trial(t) = try await claimer.next() {
                        ids.append(t.id)
                        let error = t.parameters["lr"]?.number ?? 1
                        _ = try await counted.finish(t, worker: "w", .done(metrics: TrialMetrics([("error", error)]), wallTime: 0, peakRSS: 0))
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claimed.sorted() == Array(1...30))
        #expect(counted.lostClaims == 0)
        await store.close()
    }

    /// An imported study keeps its trials and their learning curves (Optuna's intermediate
    /// values as step reports), read back as written.
    @Test(arguments: StoreKind.available)
    func anImportedStudyKeepsItsCurves(kind: StoreKind) async throws {
        let optuna = try OptunaStudy(path: OptunaStorageTests.db, study: "toy")
        let spec = try optuna.spec(), reports = optuna.stepReports()
        #expect(reports.count >= 5 && reports.values.allSatisfy { !$0.isEmpty })
        let name = "i\(UUID().uuidString.prefix(8).lowercased())"
        let store: any StudyStore
        switch kind {
        case .sqlite: store = try await TrialStore(path: try Scratch().file("i.sqlite"))
        case .postgres: store = try await PostgresStore(address: PostgresAddress(try #require(PostgresTestServer.url)), study: name)
        }
        try await store.createImported(name: name, spec: spec.source, fingerprint: try spec.fingerprint(),
                                       trials: optuna.storedTrials(), reports: reports)
        #expect(try await store.stepReports() == reports)
        #expect(try await store.trials(space: spec.space).count == optuna.storedTrials().count)
        await store.close()
    }
}
