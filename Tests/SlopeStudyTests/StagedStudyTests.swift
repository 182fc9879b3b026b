import Foundation
import Testing
import SlopeCore
@testable import SlopeStudy

/// Staged studies (docs/method.md, "Staged studies") through a real store, in process: a stage
/// waits for the one before it, a `reduce:` screens the explore stage with HSIC, fixes the
/// dummies and keeps the parameters that matter.
@Suite struct StagedStudyTests {
    static let text = """
        name: staged
        seed: 8
        objectives: {error: minimize}
        command: ./t.sh {args}
        stages:
          - {name: explore, trials: 60, sampler: sobol}
          - {name: refine, trials: 30, sampler: tpe, reduce: {alpha: 0.05, narrow: true}}
        parameters:
          lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
          width: {distribution: int_uniform, min: 8, max: 512}
          d1: {distribution: uniform, min: 0, max: 1}
          d2: {values: [a, b, c]}
          d3: {distribution: int_uniform, min: 1, max: 5}
        """

    /// Depends on lr and width only.
    static func error(_ p: TrialParameters) -> Double {
        let lr = p["lr"]?.number ?? 1, width = p["width"]?.number ?? 0
        return pow(log10(lr) + 2.5, 2) / 4 + pow((width - 200) / 300, 2)
    }

    /// Claims and finishes trials one at a time until none is left; returns the claims made
    /// while another trial of an earlier stage was still running (must be none).
    static func run(_ store: TrialStore, _ spec: StudySpec) async throws {
        while let t = try await store.claimNext("w", spec: spec) {
            #expect(try await store.finish(t, worker: "w", .done(metrics: TrialMetrics([("error", error(t.parameters))]), wallTime: 1, peakRSS: 1)))
        }
    }

    @Test func reduceFixesTheDummiesAndKeepsWhatMatters() async throws {
        let scratch = try Scratch()
        let spec = try SpecReader.parse(Self.text, file: "s.yaml", folder: scratch.path)
        #expect(spec.trials == 90 && spec.stages.map(\.name) == ["explore", "refine"])
        let plan = spec.plan()
        #expect(plan.prefix(60).allSatisfy { $0.stage == 0 && $0.placement == .sobol && !$0.parameters.entries.isEmpty })
        #expect(plan.dropFirst(60).allSatisfy { $0.stage == 1 && $0.placement == .tpe && $0.parameters.entries.isEmpty })
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        try await store.create(name: spec.name, spec: Self.text, fingerprint: try spec.fingerprint(), plan: plan)

        // While an explore trial runs, the refine stage waits.
        for _ in 0..<59 {
            let t = try await #require(try store.claimNext("w", spec: spec))
            _ = try await store.finish(t, worker: "w", .done(metrics: TrialMetrics([("error", Self.error(t.parameters))]), wallTime: 1, peakRSS: 1))
        }
        let last = try await #require(try store.claimNext("w", spec: spec))
        #expect(try await store.claimNext("w", spec: spec) == nil)
        #expect(try await store.trials(space: spec.space).filter { $0.state == .pending }.count == 30)
        #expect(try await store.decisions(space: spec.space).isEmpty)
        _ = try await store.finish(last, worker: "w", .done(metrics: TrialMetrics([("error", Self.error(last.parameters))]), wallTime: 1, peakRSS: 1))
        try await Self.run(store, spec)

        let decision = try await #require(try store.decisions(space: spec.space).first)
        #expect(decision.stage == 1 && decision.objective == "error" && decision.trials == 60)
        let fixed = Set(decision.choices.filter { $0.fixed != nil }.map(\.parameter))
        #expect(fixed == ["d1", "d2", "d3"], "\(decision.choices)")
        let kept = decision.choices.filter { $0.fixed == nil }
        #expect(kept.allSatisfy { ($0.pValue ?? 1) <= 0.05 && $0.low != nil && $0.high != nil }, "\(kept)")
        let trials = try await store.trials(space: spec.space)
        #expect(trials.allSatisfy { $0.state == .done })
        // Refine trials use the fixed values and stay inside the narrowed ranges.
        for t in trials.dropFirst(60) {
            for c in decision.choices {
                if let value = c.fixed { #expect(t.parameters[c.parameter] == value) }
                if let low = c.low, let high = c.high, let x = t.parameters[c.parameter]?.number { #expect(x >= low && x <= high) }
            }
        }
        #expect(trials.dropFirst(60).compactMap { $0.metric("error") }.min() ?? 1 < trials.prefix(60).compactMap { $0.metric("error") }.min() ?? 0)
    }

    @Test func theRuleForFixedValues() async {
        let list = Domain.values([.text("a"), .text("b"), .text("c")])
        #expect(StudySpec.typical([.text("b"), .text("c"), .text("c"), .text("b")], domain: list) == .text("b"))
        #expect(StudySpec.typical([.text("c")], domain: list) == .text("c"))
        #expect(StudySpec.typical([.real(0.3), .real(0.1), .real(0.9), .real(0.2)], domain: .uniform(min: 0, max: 1)) == .real(0.2))
        #expect(StudySpec.typical([.integer(3), .integer(5), .integer(4)], domain: .intUniform(min: 1, max: 9)) == .integer(4))
        #expect(StudySpec.typical([], domain: list) == nil)
    }

    @Test func aDecisionReadsBack() async throws {
        let spec = try SpecReader.parse(Self.text, file: "s.yaml", folder: "/tmp")
        let d = StageDecision(stage: 1, objective: "error", trials: 60, goal: 0.153, alpha: 0.05, choices: [
            .init(parameter: "lr", pValue: 0.001, fixed: nil, low: 0.001, high: 0.01),
            .init(parameter: "d2", pValue: 0.7, fixed: .text("b")),
            .init(parameter: "d3", pValue: nil, fixed: .integer(2)),
        ])
        #expect(try StageDecision.decode(d.json, space: spec.space, source: "x") == d)
        #expect(throws: SlopeError.self) { try StageDecision.decode("{\"stage\": -1}", space: spec.space, source: "x") }
        // A store's decision with a range that is not one is refused; one outside the spec's is not applied.
        let inverted = d.json.replacingOccurrences(of: "\"low\":0.001,\"high\":0.01", with: "\"low\":0.01,\"high\":0.001")
        #expect(inverted != d.json)
        #expect(throws: SlopeError.self) { try StageDecision.decode(inverted, space: spec.space, source: "x") }
        let wide = StageDecision(stage: 1, objective: "error", trials: 60, goal: 0.2, alpha: 0.05, choices: [
            .init(parameter: "width", pValue: 0.01, fixed: nil, low: 1e300, high: 1e301)])
        #expect(wide.applied(to: spec.space).parameter(named: "width")?.domain == .intUniform(min: 8, max: 512))
        let reduced = d.applied(to: spec.space)
        #expect(reduced.parameter(named: "d2")?.domain == .values([.text("b")]))
        #expect(reduced.parameter(named: "lr")?.domain == .logUniform(min: 0.001, max: 0.01))
    }

    @Test func badStagesAreOneLineNamingTheKey() async {
        func message(_ stages: String) -> String? {
            specError(Self.text.replacingOccurrences(of: """
                  - {name: explore, trials: 60, sampler: sobol}
                  - {name: refine, trials: 30, sampler: tpe, reduce: {alpha: 0.05, narrow: true}}
                """, with: stages))
        }
        #expect(message("  - {name: a, trials: 5}\n  - {name: a, trials: 5}\n")?.contains("stages[1].name: another stage is called 'a'") == true)
        #expect(message("  - {name: a, trials: 5, reduce: {}}\n")?.contains("stages[0].reduce: the first stage has no earlier trials to screen") == true)
        #expect(message("  - {name: a, trials: 5}\n  - {name: b, trials: 5, reduce: {objective: speed}}\n")?
            .contains("stages[1].reduce.objective: 'speed' is not an objective (objectives: error)") == true)
        #expect(message("  - {name: a, trials: 5}\n  - {name: b, trials: 5, reduce: {cost: money}}\n")?
            .contains("stages[1].reduce.cost: 'money' is not an objective or a measured cost") == true)
        #expect(message("  - {trials: 5}\n")?.contains("stages[0].name: give the stage a name") == true)
        #expect(message("  - {name: a, trials: 5, sampler: grid}\n")?.contains("stages[0].sampler: unknown sampler 'grid'") == true)
    }

    /// Eight explore trials cannot show anything at alpha 0.05: nothing is fixed.
    @Test func aScreeningWithoutPowerFixesNothing() async throws {
        let spec = try SpecReader.parse(Self.text, file: "s.yaml", folder: "/tmp")
        let history = spec.plan().prefix(8).map { t in
            TrialObservation(id: t.id, stage: 0, placement: t.placement, parameters: t.parameters, state: .done,
                             metrics: TrialMetrics([("error", Self.error(t.parameters))]), wallTime: 1, peakRSS: 1)
        }
        let decision = spec.screening(stage: 1, history: history)
        #expect(decision.trials == 8 && decision.choices.allSatisfy { $0.fixed == nil && $0.low == nil }, "\(decision.choices)")
    }

    /// A parameter is fixed only on evidence that it does not matter: the screening found
    /// something (one p-value at most alpha) and the parameter's own raw p-value is above 0.5.
    /// A weak but real effect (d1 moves the error by 0.4 where lr moves it by 2) is mostly not
    /// significant at 60 trials (the rule before fixed it then) and keeps its range on every seed.
    @Test func aParameterIsFixedOnlyOnEvidenceOfNoEffect() async throws {
        var undecided = 0
        for seed in 1...6 {
            let spec = try SpecReader.parse(Self.text.replacingOccurrences(of: "seed: 8", with: "seed: \(seed)"), file: "s.yaml", folder: "/tmp")
            let history = spec.plan().prefix(60).map { t in
                let error = Self.error(t.parameters) + 0.4 * (t.parameters["d1"]?.number ?? 0)
                return TrialObservation(id: t.id, stage: 0, placement: t.placement, parameters: t.parameters, state: .done,
                                        metrics: TrialMetrics([("error", error)]), wallTime: 1, peakRSS: 1)
            }
            let decision = spec.screening(stage: 1, history: history)
            let informative = decision.choices.contains { ($0.pValue ?? 1) <= 0.05 }
            for c in decision.choices {
                #expect((c.fixed != nil) == (informative && (c.pRaw ?? 0) > Reduction.fixAbove), "seed \(seed): \(c)")
            }
            #expect(decision.choices.filter { ["lr", "width", "d1"].contains($0.parameter) }.allSatisfy { $0.fixed == nil }, "seed \(seed): \(decision.choices)")
            if let p = decision.choices.first(where: { $0.parameter == "d1" })?.pValue, p > 0.05 { undecided += 1 }
        }
        #expect(undecided >= 3, "d1 significant on \(6 - undecided) of 6 seeds: the test needs it undecided")
    }
}
