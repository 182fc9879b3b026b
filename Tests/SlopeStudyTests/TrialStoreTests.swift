import SlopeCore
import Foundation
import Testing
@testable import SlopeStudy

@Suite struct TrialStoreTests {
    func newStore() throws -> (TrialStore, StudySpec, Scratch) {
        let scratch = try Scratch()
        let spec = try SpecReader.parse(toySpec, file: "toy.yaml", folder: scratch.path)
        let store = try TrialStore(path: scratch.file("s.sqlite"))
        try store.create(name: spec.name, spec: toySpec, fingerprint: try spec.fingerprint(), plan: spec.plan())
        return (store, spec, scratch)
    }

    /// A store file deleted, or replaced by another file, while the study ran is an error
    /// before the run reports success; the file in place is not.
    @Test func aVanishedOrReplacedFileIsAnError() throws {
        let (store, _, scratch) = try newStore()
        try store.checkIntact()
        let path = scratch.file("s.sqlite")
        try FileManager.default.moveItem(atPath: path, toPath: path + ".moved")
        #expect(throws: SlopeError.store(file: path, reason: "the store file was deleted while the study ran: the results written to it are lost")) {
            try store.checkIntact()
        }
        try FileManager.default.copyItem(atPath: path + ".moved", toPath: path)
        #expect(throws: SlopeError.store(file: path, reason: "the store file was replaced by another file while the study ran: the results written to it are not in this one")) {
            try store.checkIntact()
        }
    }

    @Test func lifeOfATrial() throws {
        let (store, spec, scratch) = try newStore()
        #expect(FileManager.default.fileExists(atPath: scratch.file("s.sqlite-wal")))
        #expect(try store.study()?.name == "toy")
        #expect(try store.trials(space: spec.space).map(\.state) == Array(repeating: .pending, count: 30))
        #expect(try store.trials(space: spec.space).map(\.parameters) == spec.plan().map(\.parameters))

        let first = try #require(try store.claim(worker: "w1", space: spec.space, propose: spec.proposer))
        #expect(first.id == 1 && first.state == .running && first.worker == "w1" && first.attempts == 1 && first.startedAt != nil)
        #expect(try store.finish(first, worker: "w1", .done(metrics: TrialMetrics([("error", 0.5)]), wallTime: 1.5, peakRSS: 1000)))
        let second = try #require(try store.claim(worker: "w1", space: spec.space, propose: spec.proposer))
        #expect(try store.finish(second, worker: "w1", .failed(reason: "exit status 1", stderrTail: "boom", wallTime: 0.1, peakRSS: 10)))
        let third = try #require(try store.claim(worker: "w2", space: spec.space, propose: spec.proposer))
        // Only the worker that holds the claim may report it.
        #expect(try !store.finish(third, worker: "w1", .done(metrics: TrialMetrics([]), wallTime: 0, peakRSS: 0)))
        try store.release(third, worker: "w2")

        let trials = try store.trials(space: spec.space)
        #expect(trials[0].state == .done && trials[0].metrics == TrialMetrics([("error", 0.5)]) && trials[0].wallTime == 1.5 && trials[0].peakRSS == 1000)
        #expect(trials[1].state == .failed && trials[1].failure == "exit status 1" && trials[1].stderrTail == "boom")
        #expect(trials[2].state == .pending && trials[2].attempts == 1)
        // Finishing a trial that is not running changes nothing.
        #expect(try !store.finish(third, worker: "w2", .done(metrics: TrialMetrics([]), wallTime: 0, peakRSS: 0)))
        #expect(try store.trials(space: spec.space)[2].state == .pending)
        #expect(try store.retryFailed() == 1)
        #expect(try store.trials(space: spec.space)[1].state == .pending && store.trials(space: spec.space)[1].failure == nil)
    }

    @Test func abandonedTrialsGoBackToPending() throws {
        let (store, spec, _) = try newStore()
        let gone = "\(ProcessInfo.processInfo.hostName):\(getpid()):1"  // this pid, another start: a dead process
        _ = try store.claim(worker: gone, space: spec.space, propose: spec.proposer)
        _ = try store.claim(worker: WorkerIdentity.current, space: spec.space, propose: spec.proposer)
        #expect(try store.liveRunning(lease: 60) == 1)
        #expect(try store.reclaim(lease: 60, maxAttempts: 3) == 1)
        #expect(try store.trials(space: spec.space).prefix(2).map(\.state) == [.pending, .running])
        // Lost a third time, the trial fails instead of running again.
        for _ in 0..<2 {
            _ = try store.claim(worker: gone, space: spec.space, propose: spec.proposer)
            try store.reclaim(lease: 60, maxAttempts: 3)
        }
        let lost = try store.trials(space: spec.space)[0]
        #expect(lost.state == .failed && lost.attempts == 3 && lost.failure == StoredTrial.lostTooOften(3), "\(lost)")
        // This process is alive; a made-up pid on this host with the wrong start time is not.
        #expect(!WorkerIdentity.isGone(WorkerIdentity.current))
        #expect(WorkerIdentity.isGone("\(ProcessInfo.processInfo.hostName):\(getpid()):1"))
        #expect(!WorkerIdentity.isGone("other-host:1:1"))
    }

    /// Many threads with their own connections claim at once: every trial exactly once.
    @Test func claimsAreAtomic() throws {
        let (store, spec, scratch) = try newStore()
        _ = store
        let lock = NSLock()
        nonisolated(unsafe) var claimed: [Int] = []
        DispatchQueue.concurrentPerform(iterations: 6) { k in
            let own = try! TrialStore(path: scratch.file("s.sqlite"))
            while let t = try! own.claim(worker: "w\(k)", space: spec.space, propose: spec.proposer) { lock.withLock { claimed.append(t.id) } }
        }
        #expect(claimed.sorted() == Array(1...30))
    }

    @Test func storeErrorsAreOneLine() throws {
        let scratch = try Scratch()
        try "not a database".write(toFile: scratch.file("bad.sqlite"), atomically: true, encoding: .utf8)
        #expect(throws: SlopeError.self) { try TrialStore(path: scratch.file("bad.sqlite")) }
        #expect(throws: SlopeError.store(file: scratch.file("none.sqlite"), reason: "no such study store")) {
            try TrialStore.reading(path: scratch.file("none.sqlite"))
        }
        let empty = try TrialStore(path: scratch.file("empty.sqlite"))
        #expect(throws: SlopeError.store(file: scratch.file("empty.sqlite"), reason: "the store holds no study")) { try StoredStudy(store: empty) }
    }
}
