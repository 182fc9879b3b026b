import Foundation
import Synchronization
import Testing
import SlopeCore
@testable import SlopeStudy

/// The pruners (docs/method.md, "Pruning") against Optuna 5's MedianPruner,
/// SuccessiveHalvingPruner, HyperbandPruner and ThresholdPruner (Fixtures/optuna_pruners.json),
/// and their laws.
@Suite struct PrunerTests {
    /// Reports of simulated trials, read as a store's `peers` reads them.
    final class Reports: Sendable {
        private let state = Mutex<(curves: [Int: [StepReport]], states: [Int: TrialState])>(([:], [:]))

        func add(_ trial: Int, _ report: StepReport) {
            state.withLock { $0.curves[trial, default: []].append(report); $0.states[trial] = .running }
        }

        func end(_ trial: Int, _ state: TrialState) { self.state.withLock { $0.states[trial] = state } }

        func peers(at step: Int, orLater: Bool) -> StepPeers {
            state.withLock { s in
                let entries = s.curves.keys.sorted().compactMap { id -> StepPeers.Entry? in
                    guard let r = s.curves[id]?.first(where: { orLater ? $0.step >= step : $0.step == step }) else { return nil }
                    return StepPeers.Entry(trial: id, state: s.states[id] ?? .running, report: r)
                }
                return StepPeers(entries: entries, done: s.states.values.filter { $0 == .done }.count)
            }
        }
    }

    static func report(_ step: Int, _ value: Double?) -> StepReport {
        guard let value else { return StepReport(step: step, metrics: TrialMetrics([]), notFinite: ["error"]) }
        return StepReport(step: step, metrics: TrialMetrics([("error", value)]))
    }

    /// Trials run one after another, each reporting step after step and asking the pruner
    /// after each report, as the fixture's script ran them through Optuna: the same trials
    /// stop at the same steps.
    @Test func decisionsAreOptunas() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/optuna_pruners.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try #require(root["cases"] as? [[String: Any]])
        #expect(cases.count == 16)
        var prunedInAll = 0
        for c in cases {
            let settings = try #require(c["pruner"] as? [String: Any])
            var spec = PrunerSpec(kind: try #require(PrunerSpec.Kind(rawValue: settings["kind"] as? String ?? "")))
            spec.startupTrials = settings["startup_trials"] as? Int ?? spec.startupTrials
            spec.warmupSteps = settings["warmup_steps"] as? Int ?? spec.warmupSteps
            spec.minStep = settings["min_step"] as? Int ?? spec.minStep
            spec.maxStep = settings["max_step"] as? Int
            spec.reductionFactor = settings["reduction_factor"] as? Int ?? spec.reductionFactor
            spec.lower = settings["lower"] as? Double
            spec.upper = settings["upper"] as? Double
            let direction = try #require(Direction(rawValue: c["direction"] as? String ?? ""))
            let pruner = Pruner(spec: spec, objective: Objective(name: "error", direction: direction), studyName: c["study"] as? String ?? "")
            let curves = try #require(c["curves"] as? [[Any]]).map { $0.map { $0 as? Double } }
            let expected = try #require(c["pruned_at"] as? [Any]).map { $0 as? Int }
            let reports = Reports()
            var got: [Int?] = []
            for (k, curve) in curves.enumerated() {
                let id = k + 1
                var mine = Pruner.Curve(), at: Int?
                for (s, value) in curve.enumerated() {
                    reports.add(id, Self.report(s + 1, value))
                    mine.add(step: s + 1, value: value ?? .nan)
                    if try await pruner.shouldPrune(trial: id, curve: &mine, peers: { reports.peers(at: $0, orLater: $1) }) {
                        at = s + 1
                        break
                    }
                }
                reports.end(id, at == nil ? .done : .pruned)
                got.append(at)
            }
            #expect(got == expected, "\(settings) \(direction)")
            prunedInAll += expected.compactMap { $0 }.count
        }
        // The cases do prune (and not everything).
        #expect(prunedInAll > 150 && prunedInAll < 300)
    }

    /// Hyperband's brackets: n = ⌊log_η(max/min)⌋ + 1 counted exactly, budgets ⌈n η^s / (s+1)⌉
    /// (Optuna's), and a trial's bracket from CRC-32 of "study_number" (zlib's CRC-32 of
    /// "123456789" is 0xCBF43926).
    @Test func hyperbandBrackets() {
        #expect(CRC32.of(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(HyperbandBrackets(minStep: 1, maxStep: 81, reductionFactor: 3, studyName: "s").budgets == [81, 34, 15, 8, 5])
        #expect(HyperbandBrackets(minStep: 1, maxStep: 52, reductionFactor: 3, studyName: "s").budgets == [27, 12, 6, 4])
        #expect(HyperbandBrackets(minStep: 3, maxStep: 52, reductionFactor: 2, studyName: "s").budgets == [16, 10, 7, 5, 5])
        #expect(HyperbandBrackets(minStep: 5, maxStep: 5, reductionFactor: 3, studyName: "s").budgets == [1])
        let brackets = HyperbandBrackets(minStep: 1, maxStep: 81, reductionFactor: 3, studyName: "s")
        let counts = (1...1430).reduce(into: [Int](repeating: 0, count: 5)) { c, id in c[brackets.bracket(ofTrial: id)] += 1 }
        // Shares follow the budgets (81 : 34 : 15 : 8 : 5 of 143) within sampling error.
        for (b, budget) in [81, 34, 15, 8, 5].enumerated() {
            #expect(abs(Double(counts[b]) - Double(budget) * 10) < 4 * (Double(budget) * 10).squareRoot() + 5, "\(counts)")
        }
    }

    /// Laws of the median rule: nothing is pruned before `startup_trials` are done or before
    /// the warm-up; a trial worse than every done trial at its step is pruned, one better
    /// than the median is not; a trial whose every report is NaN is pruned.
    @Test func medianRuleLaws() async throws {
        var spec = PrunerSpec(kind: .median)
        spec.startupTrials = 2
        spec.warmupSteps = 2
        let pruner = Pruner(spec: spec, objective: Objective(name: "error", direction: .minimize), studyName: "x")
        let reports = Reports()
        for (id, v) in [(1, 0.5), (2, 0.3)] {
            for s in 1...4 { reports.add(id, Self.report(s, v)) }
        }
        func decide(_ values: [Double]) async throws -> Bool {
            var curve = Pruner.Curve()
            for (s, v) in values.enumerated() { curve.add(step: s + 1, value: v) }
            return try await pruner.shouldPrune(trial: 9, curve: &curve, peers: { reports.peers(at: $0, orLater: $1) })
        }
        #expect(try await !decide([9, 9]))  // trials 1 and 2 still running
        reports.end(1, .done)
        reports.end(2, .done)
        #expect(try await !decide([9]))  // step 1 < warm-up 2
        #expect(try await decide([9, 9]))
        #expect(try await !decide([9, 0.35]))  // best 0.35 < median 0.4
        #expect(try await decide([.nan, .nan]))
        #expect(try await !decide([.nan, 0.1]))
    }
}
