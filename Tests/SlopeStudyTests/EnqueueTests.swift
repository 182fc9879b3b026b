import Foundation
import Testing
import SlopeCore
@testable import SlopeStudy

/// Warm starts (`enqueue:`, Optuna's `enqueue_trial`; issue 27, item 7): parameter sets the
/// user gives run first, checked against the space, and count among the first stage's start.
@Suite struct EnqueueTests {
    static let base = """
        name: q
        trials: 12
        seed: 3
        sampler: lhs
        objectives: {error: minimize}
        command: ./t.sh {args}
        parameters:
          lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
          batch: {distribution: q_log_uniform_values, min: 8, max: 512}
          optimizer: {values: [sgd, momentum]}
          momentum: {distribution: uniform, min: 0.0, max: 0.99, when: {optimizer: momentum}}
        """

    static func parse(_ enqueue: String, sampler: String = "lhs") throws -> StudySpec {
        try SpecReader.parse(base.replacingOccurrences(of: "sampler: lhs", with: "sampler: \(sampler)") + "\n" + enqueue,
                             file: "s.yaml", folder: "/tmp")
    }

    @Test func givenSetsRunFirstAndTheRestFillTheSpace() throws {
        let spec = try Self.parse("enqueue:\n  - {lr: 0.01, batch: 64, optimizer: sgd}\n  - {lr: 0.001, batch: 32, optimizer: momentum, momentum: 0.9}")
        let plan = spec.plan()
        #expect(plan.count == 12)
        #expect(plan[0].parameters == TrialParameters([("lr", .real(0.01)), ("batch", .integer(64)), ("optimizer", .text("sgd"))]))
        #expect(plan[1].parameters["momentum"] == .real(0.9) && plan[0].placement == .enqueued && plan[1].placement == .enqueued)
        // The other 10 are a Latin hypercube of 10: one in each tenth of every parameter.
        let rest = plan.dropFirst(2)
        #expect(rest.allSatisfy { $0.placement == .lhs && !$0.parameters.entries.isEmpty })
        let tenths = Set(rest.compactMap { $0.parameters["lr"]?.number }.map { Int(((log10($0) + 4) / 4 * 10).rounded(.down)) })
        #expect(tenths.count == 10, "\(tenths)")
        // Part of the study's identity; a spec without it keeps the fingerprint it had.
        #expect(try spec.fingerprint().contains("\"enqueue\"") && !(try Self.parse("").fingerprint().contains("enqueue")))
        // Written back, it reads as itself.
        let written = SpecWriter.yaml(spec)
        #expect(try SpecReader.parse(written, file: "w.yaml", folder: "/tmp").fingerprint() == spec.fingerprint(), "\(written)")
        // Not drawn from the prior: the analysis leaves them out by default.
        #expect(!spec.drawnFromPrior(TrialObservation(id: 1, stage: 0, placement: .enqueued, parameters: plan[0].parameters,
                                                      state: .done, metrics: nil, wallTime: nil, peakRSS: nil)))
    }

    /// With TPE, the given sets count among its start from the prior.
    @Test func givenSetsCountAmongTPEsStart() throws {
        let spec = try Self.parse("tpe: {startup: 5}\nenqueue:\n  - {lr: 0.01, batch: 64, optimizer: sgd}", sampler: "tpe")
        let placements = spec.plan().map(\.placement)
        #expect(placements.prefix(5) == [.enqueued, .lhs, .lhs, .lhs, .lhs] && placements.dropFirst(5).allSatisfy { $0 == .tpe }, "\(placements)")
    }

    @Test(arguments: [
        ("enqueue:\n  - {lr: 0.01, batch: 64, optimizer: sgd, nope: 1}", "s.yaml:13: enqueue[0].nope: not a parameter"),
        ("enqueue:\n  - {lr: 0.01, batch: 64, optimizer: sgd, momentum: 0.9}", "enqueue[0].momentum: is not active with this set's values"),
        ("enqueue:\n  - {lr: 0.01, batch: 64, optimizer: momentum}", "enqueue[0].momentum: give a value: the parameter is active"),
        ("enqueue:\n  - {lr: 2, batch: 64, optimizer: sgd}", "enqueue[0].lr: \"2\" is not a value of the parameter"),
        ("enqueue:\n  - {lr: 0.01, batch: 64.5, optimizer: sgd}", "enqueue[0].batch: \"64.5\" is not a value of the parameter"),
        ("enqueue:\n  - {lr: 0.01, batch: 64, optimizer: adam}", "enqueue[0].optimizer: \"adam\" is not a value of the parameter"),
        ("enqueue: {lr: 0.01}", "enqueue: expected a list"),
    ])
    func badSetsAreRefusedNamingTheKey(text: String, expected: String) throws {
        do {
            _ = try Self.parse(text)
            Issue.record("accepted: \(text)")
        } catch let error as SlopeError {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func moreSetsThanTrialsAreRefused() throws {
        let sets = (0..<13).map { _ in "  - {lr: 0.01, batch: 64, optimizer: sgd}" }.joined(separator: "\n")
        #expect(throws: SlopeError.self) { try Self.parse("enqueue:\n" + sets) }
    }
}
