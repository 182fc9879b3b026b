import Foundation
import Testing
import SlopeCore
@testable import SlopeStudy

/// TPE (docs/method.md, "TPE") run in memory: proposals, evaluations, the next proposal.
@Suite struct TPETests {
    static let objectives = [Objective(name: "error", direction: .minimize)]

    static func space(_ parameters: [Parameter]) throws -> ParameterSpace { try ParameterSpace(parameters: parameters) }

    /// A smooth function of a log-scale learning rate and an integer width, minimum 0 at
    /// lr = 10^-2.5, width = 200, plus two dummies.
    static func smooth(_ p: TrialParameters) -> Double {
        let lr = p["lr"]?.number ?? 1, width = p["width"]?.number ?? 0
        return pow(log10(lr) + 2.5, 2) / 4 + pow((width - 200) / 300, 2)
    }

    static func smoothSpace() throws -> ParameterSpace {
        try space([Parameter(name: "lr", domain: .logUniform(min: 1e-4, max: 1)),
                   Parameter(name: "width", domain: .intUniform(min: 8, max: 512)),
                   Parameter(name: "d1", domain: .uniform(min: 0, max: 1)),
                   Parameter(name: "d2", domain: .values([.text("a"), .text("b"), .text("c")]))])
    }

    /// A finished trial.
    static func done(_ id: Int, _ p: TrialParameters, _ value: Double) -> TrialObservation {
        TrialObservation(id: id, parameters: p, state: .done, metrics: TrialMetrics([("error", value)]), wallTime: nil,
                    peakRSS: nil)
    }

    /// Runs `trials` sequential trials; TPE when `tpe`, else independent uniform draws.
    static func study(_ space: ParameterSpace, f: (TrialParameters) -> Double, trials: Int, seed: UInt64, tpe: Bool) -> [TrialObservation] {
        let sampler = TPESampler(space: space, objectives: objectives, settings: TPESettings())
        var g = SeededGenerator(seed: seed), history: [TrialObservation] = []
        for id in 1...trials {
            let p = tpe ? sampler.propose(seed: seed &+ UInt64(id) &* 0x9E37_79B9, history: history).parameters
                        : TrialParameters(space.values(at: space.parameters.map { _ in g.nextUnit() }))
            history.append(done(id, p, f(p)))
        }
        return history
    }

    @Test func beatsRandomOnASmoothFunction() throws {
        let space = try Self.smoothSpace()
        func best(_ tpe: Bool, _ seed: UInt64) -> Double {
            Self.study(space, f: Self.smooth, trials: 60, seed: seed, tpe: tpe).compactMap { $0.metric("error") }.min() ?? .infinity
        }
        let seeds: [UInt64] = Array(1...9)
        let tpe = Median.of(seeds.map { best(true, $0) }) ?? .nan, random = Median.of(seeds.map { best(false, $0) }) ?? .nan
        #expect(tpe < random / 3, "median best: TPE \(tpe), random \(random)")
    }

    static func conditionalSpace() throws -> ParameterSpace {
        try space([Parameter(name: "optimizer", domain: .values([.text("sgd"), .text("momentum"), .text("adam")])),
                   Parameter(name: "momentum", domain: .uniform(min: 0, max: 0.99), when: [Condition(parameter: "optimizer", values: [.text("momentum")])]),
                   Parameter(name: "beta", domain: .quantized(min: 0.8, max: 0.999, q: 0.01), when: [Condition(parameter: "optimizer", values: [.text("adam")])]),
                   Parameter(name: "lr", domain: .logUniform(min: 1e-5, max: 1e-1)),
                   Parameter(name: "width", domain: .intUniform(min: 1, max: 9)),
                   Parameter(name: "bias", domain: .values([.boolean(true), .boolean(false)]))])
    }

    /// Best when optimizer is momentum with momentum near 0.9; adam's beta matters less.
    static func conditional(_ p: TrialParameters) -> Double {
        let lr = p["lr"]?.number ?? 1, base = pow(log10(lr) + 3, 2) / 4
        switch p["optimizer"] {
        case .text("momentum")?: return base + pow((p["momentum"]?.number ?? 0) - 0.9, 2)
        case .text("adam")?: return base + 0.05 + pow((p["beta"]?.number ?? 0) - 0.9, 2)
        default: return base + 0.3
        }
    }

    @Test func proposalsRespectConditionsAndTypes() throws {
        let space = try Self.conditionalSpace()
        let trials = Self.study(space, f: Self.conditional, trials: 80, seed: 5, tpe: true)
        for t in trials {
            let optimizer = t.parameters["optimizer"]
            #expect((t.parameters["momentum"] != nil) == (optimizer == .text("momentum")), "\(t.parameters)")
            #expect((t.parameters["beta"] != nil) == (optimizer == .text("adam")), "\(t.parameters)")
            if case let .real(beta)? = t.parameters["beta"] {
                #expect(beta >= 0.8 && beta <= 0.999 && abs(beta * 100 - (beta * 100).rounded()) < 1e-9, "\(beta)")
            }
            guard case let .real(lr)? = t.parameters["lr"], case let .integer(width)? = t.parameters["width"],
                  case .boolean? = t.parameters["bias"] else { Issue.record("types: \(t.parameters)"); continue }
            #expect(lr >= 1e-5 && lr <= 1e-1 && (1...9).contains(width))
        }
        // TPE finds the momentum branch and a momentum near 0.9 in most of its later trials.
        let late = trials.suffix(30).filter { $0.parameters["optimizer"] == .text("momentum") }
        #expect(late.count >= 15, "\(late.count) of the last 30 use momentum")
        #expect(trials.compactMap { $0.metric("error") }.min() ?? 1 < 0.02)
    }

    @Test func theSameSeedGivesTheSameProposals() throws {
        let space = try Self.conditionalSpace()
        let a = Self.study(space, f: Self.conditional, trials: 30, seed: 11, tpe: true)
        let b = Self.study(space, f: Self.conditional, trials: 30, seed: 11, tpe: true)
        let c = Self.study(space, f: Self.conditional, trials: 30, seed: 12, tpe: true)
        #expect(a.map(\.parameters) == b.map(\.parameters))
        #expect(a.map(\.parameters) != c.map(\.parameters))
    }

    /// A running trial counts as bad: a second worker asking with the same seed while the
    /// first proposal runs is sent elsewhere.
    @Test func runningTrialsSteerProposalsAway() throws {
        let space = try Self.smoothSpace()
        let history = Self.study(space, f: Self.smooth, trials: 30, seed: 3, tpe: true)
        let sampler = TPESampler(space: space, objectives: Self.objectives, settings: TPESettings())
        let first = sampler.propose(seed: 99, history: history).parameters
        let running = TrialObservation(id: 31, parameters: first, state: .running, metrics: nil, wallTime: nil, peakRSS: nil)
        let second = sampler.propose(seed: 99, history: history + [running]).parameters
        #expect(first != second)
    }

    /// Failed trials are the worst: bad, never good, counted in n.
    @Test func failedTrialsCountAsTheWorst() throws {
        let space = try Self.smoothSpace()
        var trials = Self.study(space, f: Self.smooth, trials: 20, seed: 4, tpe: false)
        trials += (21...40).map { id in
            TrialObservation(id: id, parameters: trials[id - 21].parameters, state: .failed, metrics: nil, wallTime: nil, peakRSS: nil)
        }
        let split = TPESplit(trials, objectives: Self.objectives, goal: 0.1)
        #expect(split.finished == 40 && split.good.count == 4 && split.bad.count == 36)
        #expect(split.good.allSatisfy { $0.state == .done })
        let best = trials.prefix(20).sorted { $0.metric("error")! < $1.metric("error")! }.prefix(4).map(\.id).sorted()
        #expect(split.good.map(\.id) == best)
    }

    /// The estimator is a distribution: probabilities on a grid or over categories sum to 1,
    /// a density on an interval integrates to 1.
    @Test(arguments: [0, 1, 5, 40])
    func theEstimatorIsADistribution(_ n: Int) {
        var g = SeededGenerator(seed: UInt64(n))
        let axes: [TPEAxis] = [.numeric(low: 2, high: 7, step: 1, log: false), .categorical(count: 3), .numeric(low: -1, high: 2, step: nil, log: false)]
        let rows = (0..<n).map { _ in [Double(2 + g.nextInt(below: 6)), Double(g.nextInt(below: 3)), -1 + 3 * g.nextUnit()] }
        let e = ParzenEstimator(observations: rows, weights: TPESampler.recencyWeights(n), axes: axes)
        var total = 0.0
        let cells = 3000
        for k in 2...7 {
            for c in 0..<3 {
                for i in 0..<cells {
                    let x = -1 + 3 * (Double(i) + 0.5) / Double(cells)
                    total += exp(e.logDensity([Double(k), Double(c), x])) * 3 / Double(cells)
                }
            }
        }
        #expect(abs(total - 1) < 1e-4, "\(total)")
        // Draws stay on the axes: grid points, categories, inside the interval.
        for x in e.sample(200, generator: &g) {
            #expect((2...7).contains(Int(x[0])) && x[0] == x[0].rounded() && (0...2).contains(Int(x[1])) && x[2] >= -1 && x[2] <= 2)
        }
    }

    @Test func widthsFollowNeighboursAndClip() {
        // Observations 0.1, 0.2, 0.6 on [0, 1]: gaps 0.1, 0.1, 0.4, 0.4 (to the bound).
        // The outermost use their inner gap; the least width is 1 / min(100, 5) = 0.2.
        let w = ParzenEstimator.widths([0.6, 0.1, 0.2], low: 0, high: 1)
        #expect(zip(w, [0.4, 0.2, 0.4]).allSatisfy { abs($0 - $1) < 1e-15 }, "\(w)")
        #expect(TPESampler.recencyWeights(3) == [1, 1, 1])
        let ramp = TPESampler.recencyWeights(30)
        #expect(ramp.count == 30 && abs(ramp[0] - 1.0 / 30) < 1e-15 && ramp[4] == 1 && ramp[5...].allSatisfy { $0 == 1 })
    }

    /// A constraint keeps TPE where it holds: the unconstrained optimum (width 200) breaks
    /// width <= 100, and TPE's later proposals stay mostly within it.
    @Test func constraintsSteerTPE() throws {
        let space = try Self.smoothSpace()
        let sampler = TPESampler(space: space, objectives: Self.objectives, settings: TPESettings(),
                                 constraints: [Constraint(name: "size", max: 100)])
        var history: [TrialObservation] = []
        for id in 1...60 {
            let p = sampler.propose(seed: UInt64(id) &* 7919, history: history).parameters
            let width = p["width"]?.number ?? 0
            history.append(TrialObservation(id: id, parameters: p, state: .done,
                                       metrics: TrialMetrics([("error", Self.smooth(p)), ("size", width)]), wallTime: nil, peakRSS: nil))
        }
        let late = history.suffix(30).filter { ($0.parameters["width"]?.number ?? 0) <= 100 }.count
        #expect(late >= 20, "\(late) of the last 30 keep width <= 100")
        // The split: infeasible trials rank after every feasible one, by violation.
        let split = TPESplit(history, objectives: Self.objectives, goal: 0.5, constraints: [Constraint(name: "size", max: 100)])
        #expect(split.good.allSatisfy { ($0.metric("size") ?? 0) <= 100 })
        #expect(Constraint(name: "size", max: 100).violation(history[0]) == max(0, ((history[0].metric("size") ?? 0) - 100) / 100))
        #expect(Constraint(name: "missing", min: 0).violation(history[0]) == .infinity)
        // The spec's Pareto front leaves infeasible trials out.
        var spec = try SpecReader.parse(toySpec.replacingOccurrences(of: "sampler: lhs", with: "sampler: tpe"), file: "s.yaml", folder: "/tmp")
        let twoObjectives = history.map { t in
            TrialObservation(id: t.id, parameters: t.parameters, state: .done, metrics: TrialMetrics([("error", t.metric("error") ?? 0), ("size", t.metric("size") ?? 0)]),
                        wallTime: nil, peakRSS: nil)
        }
        spec.objectives = [Objective(name: "error", direction: .minimize), Objective(name: "size", direction: .maximize)]
        let unconstrained = spec.paretoFront(twoObjectives)
        spec.constraints = [Constraint(name: "size", max: 100)]
        let constrained = spec.paretoFront(twoObjectives)
        #expect(unconstrained.contains { id in (twoObjectives[id - 1].metric("size") ?? 0) > 100 })
        #expect(!constrained.isEmpty && constrained.allSatisfy { id in (twoObjectives[id - 1].metric("size") ?? 0) <= 100 })
    }

    /// The estimator against Optuna 5's own (Fixtures/optuna_parzen.json): the same log
    /// density on every axis kind, alone (20 or 30 observations, with ties) and together (0 to 5).
    @Test func theEstimatorIsOptunas() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/optuna_parzen.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var domains: [String: Domain] = [:]
        for a in try #require(root["axes"] as? [[String: Any]]) {
            let kind = a["kind"] as? String ?? "", lo = a["min"] as? Double ?? 0, hi = a["max"] as? Double ?? 1
            switch kind {
            case "log": domains[kind] = .logUniform(min: lo, max: hi)
            case "int": domains[kind] = .intUniform(min: Int(lo), max: Int(hi))
            case "quantized": domains[kind] = .quantized(min: lo, max: hi, q: a["q"] as? Double ?? 1)
            case "values": domains[kind] = .values([.text("a"), .text("b"), .text("c")])
            default: domains[kind] = .uniform(min: lo, max: hi)
            }
        }
        /// A JSON number as the value of the axis `kind` (an index for the categories).
        func value(_ kind: String, _ x: Double) -> ParameterValue {
            switch kind {
            case "int": return .integer(Int(x))
            case "values": return .text(["a", "b", "c"][Int(x)])
            default: return .real(x)
            }
        }
        let cases = try #require(root["cases"] as? [[String: Any]])
        #expect(cases.count == 10)
        for c in cases {
            let kinds = try #require(c["axes"] as? [String])
            let observations = try #require(c["observations"] as? [String: [Double]])
            let points = try #require(c["points"] as? [String: [Double]])
            let expected = try #require(c["log_pdf"] as? [Double])
            func row(_ columns: [String: [Double]], _ k: Int) -> [Double] {
                kinds.map { kind in domains[kind]?.tpeCoordinate(value(kind, columns[kind]?[k] ?? 0)) ?? .nan }
            }
            let n = observations[kinds[0]]?.count ?? 0
            let e = ParzenEstimator(observations: (0..<n).map { row(observations, $0) }, weights: TPESampler.recencyWeights(n),
                                    axes: kinds.map { TPEAxis(domains[$0] ?? .uniform(min: 0, max: 1)) })
            for (k, want) in expected.enumerated() {
                let got = e.logDensity(row(points, k))
                #expect(abs(got - want) <= 1e-9 * max(1, abs(want)), "\(kinds), n \(n), point \(k): \(got) vs Optuna \(want)")
            }
        }
    }

    /// With two objectives the good trials are the first non-domination ranks; within the
    /// last rank needed, the extremes (infinite crowding) come first.
    @Test func severalObjectivesSplitByNonDomination() {
        let objectives = [Objective(name: "error", direction: .minimize), Objective(name: "speed", direction: .maximize)]
        // (error, speed): front {1, 2, 3}; 4 is dominated by 2 only; 5 by everything.
        let points: [(Double, Double)] = [(0.1, 1), (0.2, 5), (0.5, 9), (0.3, 4), (0.9, 0.5)]
        let trials = points.enumerated().map { k, p in
            TrialObservation(id: k + 1, parameters: TrialParameters([TrialParameters.Entry]()), state: .done,
                        metrics: TrialMetrics([("error", p.0), ("speed", p.1)]), wallTime: nil, peakRSS: nil)
        }
        // goal 0.6 of 5 finished: 3 good, the whole front.
        #expect(TPESplit(trials, objectives: objectives, goal: 0.6, constraints: []).good.map(\.id) == [1, 2, 3])
        // goal 0.4: 2 of the front of 3, the two extremes (1 and 3) before the middle one.
        #expect(TPESplit(trials, objectives: objectives, goal: 0.4, constraints: []).good.map(\.id) == [1, 3])
        #expect(TPESplit(trials, objectives: objectives, goal: 0.8, constraints: []).good.map(\.id) == [1, 2, 3, 4])
    }
}

extension TrialObservation {
    /// A trial of a study without stages, as the samplers see it.
    init(id: Int, parameters: TrialParameters, state: TrialState, metrics: TrialMetrics?, wallTime: Double?, peakRSS: Int?) {
        self.init(id: id, stage: 0, placement: nil, parameters: parameters, state: state, metrics: metrics, wallTime: wallTime,
                  peakRSS: peakRSS)
    }
}
