import Foundation
import SlopeCore
import Testing
@testable import SlopeStudy

/// `StopFlag.unlessRaised`: what waits on the store ends with a stop, after a grace that lets a
/// call about to answer (a claim) end on its own.
@Suite(.timeLimit(.minutes(1))) struct StopFlagRaceTests {
    @Test func aValueWithoutAStop() async throws {
        let value = try await StopFlag().unlessRaised { 5 }
        #expect(value == 5)
    }

    @Test func aWaitEndsAfterTheStopAndItsGrace() async throws {
        let stop = StopFlag()
        let started = ContinuousClock.now
        Task {
            try await Task.sleep(for: .milliseconds(200))
            stop.raise()
        }
        let value = try await stop.unlessRaised(grace: 0.5) { () async throws -> Int in
            try await Task.sleep(for: .seconds(600))
            return 1
        }
        #expect(value == nil)
        let took = started.duration(to: .now)
        #expect(took >= .milliseconds(700) && took < .seconds(10))
    }

    @Test func aCallThatAnswersWithinTheGraceKeepsItsValue() async throws {
        let stop = StopFlag()
        stop.raise()
        let value = try await stop.unlessRaised(grace: 5) { () async throws -> Int in
            try await Task.sleep(for: .milliseconds(200))
            return 9
        }
        #expect(value == 9)
    }

    @Test func theOperationsErrorIsThrown() async {
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            _ = try await StopFlag().unlessRaised { () async throws -> Int in throw Refused() }
        }
    }
}
