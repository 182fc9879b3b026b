import SlopeCore
import Foundation
import Testing
@testable import SlopeStudy

@Suite struct TrialStoreTests {
    func newStore() async throws -> (TrialStore, StudySpec, Scratch) {
        let scratch = try Scratch()
        let spec = try SpecReader.parse(toySpec, file: "toy.yaml", folder: scratch.path)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        try await store.create(name: spec.name, spec: toySpec, fingerprint: try spec.fingerprint(), plan: spec.plan())
        return (store, spec, scratch)
    }

    /// A store file deleted, or replaced by another file, while the study ran is an error
    /// before the run reports success; the file in place is not.
    @Test func aVanishedOrReplacedFileIsAnError() async throws {
        let (store, _, scratch) = try await newStore()
        try await store.checkIntact()
        let path = scratch.file("s.sqlite")
        try FileManager.default.moveItem(atPath: path, toPath: path + ".moved")
        await #expect(throws: SlopeError.store(file: path, reason: "the store file was deleted while the study ran: the results written to it are lost", problem: .vanished)) {
            try await store.checkIntact()
        }
        try FileManager.default.copyItem(atPath: path + ".moved", toPath: path)
        await #expect(throws: SlopeError.store(file: path, reason: "the store file was replaced by another file while the study ran: the results written to it are not in this one", problem: .vanished)) {
            try await store.checkIntact()
        }
    }

    @Test func abandonedTrialsGoBackToPending() async throws {
        let (store, spec, _) = try await newStore()
        let gone = "\(ProcessInfo.processInfo.hostName):\(getpid()):1"  // this pid, another start: a dead process
        _ = try await store.claimNext(gone, spec: spec)
        _ = try await store.claimNext(WorkerIdentity.current, spec: spec)
        #expect(try await store.liveRunning(lease: 60) == 1)
        #expect(try await store.reclaim(lease: 60, maxAttempts: 3) == 1)
        #expect(try await store.trials(space: spec.space).prefix(2).map(\.state) == [.pending, .running])
        // Lost a third time, the trial fails instead of running again.
        for _ in 0..<2 {
            _ = try await store.claimNext(gone, spec: spec)
            try await store.reclaim(lease: 60, maxAttempts: 3)
        }
        let lost = try await store.trials(space: spec.space)[0]
        #expect(lost.state == .failed && lost.attempts == 3 && lost.failure == StoredTrial.lostTooOften(3), "\(lost)")
        // This process is alive; a made-up pid on this host with the wrong start time is not.
        #expect(!WorkerIdentity.isGone(WorkerIdentity.current))
        #expect(WorkerIdentity.isGone("\(ProcessInfo.processInfo.hostName):\(getpid()):1"))
        #expect(!WorkerIdentity.isGone("other-host:1:1"))
    }

    @Test func storeErrorsAreOneLine() async throws {
        let scratch = try Scratch()
        try "not a database".write(toFile: scratch.file("bad.sqlite"), atomically: true, encoding: .utf8)
        await #expect(throws: SlopeError.self) { try await TrialStore(path: scratch.file("bad.sqlite")) }
        #expect(throws: SlopeError.store(file: scratch.file("none.sqlite"), reason: "no such study store", problem: .missing)) {
            try TrialStore.reading(path: scratch.file("none.sqlite"))
        }
        let empty = try await TrialStore(path: scratch.file("empty.sqlite"))
        await #expect(throws: SlopeError.store(file: scratch.file("empty.sqlite"), reason: "the store holds no study", problem: .missing)) { try await StoredStudy(store: empty) }
    }
}
