import SlopeCore
import Testing
@testable import SlopeStudy

/// The spec example of the issue, which must parse as written.
let toySpec = """
    name: toy
    trials: 30
    seed: 11
    sampler: lhs
    objectives: {error: minimize}
    command: python3 train.py {args}
    timeout: 30
    parameters:
      lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
      width: {distribution: int_uniform, min: 8, max: 256}
      optimizer: {values: [sgd, momentum, adam]}
      momentum: {distribution: uniform, min: 0.0, max: 0.99, when: {optimizer: momentum}}
    """

func parse(_ text: String) throws(SlopeError) -> StudySpec {
    try SpecReader.parse(text, file: "s.yaml", folder: "/tmp")
}

/// The message a bad spec gets.
func specError(_ text: String) -> String? {
    do { _ = try parse(text); return nil } catch { return error.description }
}

@Suite struct SpecReaderTests {
    @Test func theIssueExampleParses() throws {
        let spec = try parse(toySpec)
        #expect(spec.name == "toy" && spec.trials == 30 && spec.seed == 11 && spec.sampler == .lhs && spec.timeout == 30)
        #expect(spec.objectives == [Objective(name: "error", direction: .minimize)])
        #expect(spec.run == .command(["python3", "train.py", "{args}"]))
        #expect(spec.space.parameters.map(\.name) == ["lr", "width", "optimizer", "momentum"])
        #expect(spec.space.parameters[0].domain == .logUniform(min: 0.0001, max: 1))
        #expect(spec.space.parameters[1].domain == .intUniform(min: 8, max: 256))
        #expect(spec.space.parameters[2].domain == .values([.text("sgd"), .text("momentum"), .text("adam")]))
        #expect(spec.space.parameters[3].when == [Condition(parameter: "optimizer", values: [.text("momentum")])])
        #expect(spec.folder == "/tmp")
    }

    @Test func typedValuesAndConstants() throws {
        let spec = try parse("""
            trials: 2
            objectives: {acc: maximize}
            command: run {flag} {batch}
            parameters:
              flag: {values: [true, false]}
              batch: {values: [16, 32]}
              mix: {values: [0.5, low]}
              epochs: {value: 10}
              q: {distribution: q_uniform, min: 0, max: 1, q: 0.25}
            """)
        let domains = spec.space.parameters.map(\.domain)
        #expect(domains[0] == .values([.boolean(true), .boolean(false)]))
        #expect(domains[1] == .values([.integer(16), .integer(32)]))
        #expect(domains[2] == .values([.real(0.5), .text("low")]))
        #expect(domains[3] == .values([.integer(10)]))
        #expect(domains[4] == .quantized(min: 0, max: 1, q: 0.25))
        #expect(spec.name == "s" && spec.sampler == .random && spec.seed == 0)
    }

    @Test(arguments: [
        ("sampel: lhs", "s.yaml:13: sampel: unknown key (expected one of: name, trials"),
        ("", nil),
    ] as [(String, String?)])
    func unknownTopKey(extra: String, expected: String?) {
        let message = specError(toySpec + "\n" + extra)
        if let expected { #expect(message?.hasPrefix(expected) == true, "\(message ?? "no error")") } else { #expect(message == nil) }
    }

    static let bad: [(String, String, String)] = [
        ("  lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}",
         "  lr: {distribution: uniform, min: 2, max: 1}", "s.yaml:9: parameters.lr.min: min (2.0) is greater than max (1.0)"),
        ("  lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}",
         "  lr: {distribution: log_uniform_values, min: 0, max: 1}",
         "s.yaml:9: parameters.lr.min: log_uniform_values needs 0 < min <= max, found min = 0.0"),
        ("  width: {distribution: int_uniform, min: 8, max: 256}",
         "  width: {distribution: int_uniform, min: 9, max: 8}", "s.yaml:10: parameters.width.min: min (9) is greater than max (8)"),
        ("  optimizer: {values: [sgd, momentum, adam]}", "  optimizer: {values: []}",
         "s.yaml:11: parameters.optimizer.values: the list is empty"),
        ("when: {optimizer: momentum}", "when: {optimiser: momentum}",
         "s.yaml:12: parameters.momentum.when.optimiser: no parameter named 'optimiser'"),
        ("when: {optimizer: momentum}", "when: {optimizer: nesterov}",
         "s.yaml:12: parameters.momentum.when.optimizer: 'nesterov' is not one of the values of optimizer"),
        ("  optimizer: {values: [sgd, momentum, adam]}",
         "  optimizer: {values: [sgd, momentum, adam], when: {momentum: 0.5}}",
         "parameters.optimizer.when: the conditions form a cycle through 'optimizer'"),
        ("  lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}",
         "  lr: {distribution: normal, min: 0, max: 1}", "s.yaml:9: parameters.lr.distribution: unknown distribution 'normal'"),
        ("  lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}",
         "  lr: {distribution: uniform, min: 0, max: 1, step: 2}", "s.yaml:9: parameters.lr.step: unknown key"),
        ("command: python3 train.py {args}", "command: python3 train.py {args}\ntrainer: mlp",
         "s.yaml:7: trainer: give exactly one of command: or trainer:"),
        ("command: python3 train.py {args}", "", "s.yaml:1: command: give exactly one of command: or trainer:"),
        ("command: python3 train.py {args}", "command: python3 train.py --lr={lrr}", "s.yaml:6: command: {lrr} names no parameter"),
        ("command: python3 train.py {args}", "command: python3 'train.py", "s.yaml:6: command: expected a program and its arguments"),
        ("trials: 30", "trials: 0", "s.yaml:2: trials: give the number of trials, from 1 to 1000000"),
        ("objectives: {error: minimize}", "objectives: {error: lower}", "s.yaml:5: objectives.error: expected minimize or maximize"),
        ("sampler: lhs", "sampler: grid", "s.yaml:4: sampler: unknown sampler 'grid'"),
        ("timeout: 30", "timeout: -1", "s.yaml:7: timeout: must be a positive number of seconds"),
        ("sampler: lhs", "sampler: lhs\ntpe: {startup: 5}", "s.yaml:5: tpe: tpe: settings go with sampler: tpe"),
        ("sampler: lhs", "sampler: tpe\ntpe: {startup: 0}", "s.yaml:5: tpe.startup: must be a whole number of trials >= 1"),
        ("sampler: lhs", "sampler: tpe\ntpe: {goal: 1}", "s.yaml:5: tpe.goal: must be a fraction in (0, 1)"),
        ("sampler: lhs", "sampler: tpe\ntpe: {candidate: 5}", "s.yaml:5: tpe.candidate: unknown key"),
        ("sampler: lhs", "sampler: lhs\nconstraints: {wall_time_s: {max: 5}}", "s.yaml:5: constraints: constraints steer TPE"),
        ("sampler: lhs", "sampler: tpe\nconstraints: {wall_time_s: {}}", "s.yaml:5: constraints.wall_time_s: give min:, max: or both"),
        ("sampler: lhs", "sampler: tpe\nconstraints: {wall_time_s: {min: 5, max: 1}}", "constraints.wall_time_s.min: min (5.0) is greater than max (1.0)"),
        ("  lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}",
         "  lr: {distribution: q_log_uniform_values, min: 16, max: 512, q: 2}", "s.yaml:9: parameters.lr.q: q_log_uniform_values takes q: 1"),
        ("  lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}",
         "  lr: {distribution: q_log_uniform_values, min: 0, max: 512}", "s.yaml:9: parameters.lr.min: q_log_uniform_values needs 1 <= min"),
        ("  lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}",
         "  lr: {distribution: q_log_uniform_values, min: 1.5, max: 512}", "s.yaml:9: parameters.lr.min: expected a whole number"),
        ("sampler: lhs", "stages:\n  - {name: a, trials: 5, sampler: sobol}\n  - {name: a, trials: 5, sampler: tpe}",
         "s.yaml:2: trials: with stages:, give trials: in each stage"),
    ]

    /// A TPE study plans its start (a Latin hypercube) and leaves the rest to its proposals;
    /// its settings are part of its identity, other studies' fingerprints are unchanged.
    @Test func tpeStudyPlansItsStart() throws {
        let tpe = try SpecReader.parse(toySpec.replacingOccurrences(of: "sampler: lhs", with: "sampler: tpe\ntpe: {startup: 7, goal: 0.2}"),
                                       file: "s.yaml", folder: "/tmp")
        #expect(tpe.sampler == .tpe && tpe.stages.count == 1 && tpe.stages[0].tpe == TPESettings(startup: 7, candidates: 24, goal: 0.2))
        let plan = tpe.plan()
        #expect(plan.count == 30 && plan.prefix(7).allSatisfy { $0.placement == .lhs && !$0.parameters.entries.isEmpty })
        #expect(plan.dropFirst(7).allSatisfy { $0.placement == .tpe && $0.parameters.entries.isEmpty })
        #expect(try tpe.fingerprint().contains("\"tpe\":{\"candidates\":24,\"goal\":0.2,\"startup\":7}"))
        let lhs = try SpecReader.parse(toySpec, file: "s.yaml", folder: "/tmp")
        #expect(try !lhs.fingerprint().contains("tpe"))
    }

    @Test(arguments: bad.indices)
    func badSpecGetsOneErrorNamingTheKey(_ i: Int) {
        let (from, to, expected) = Self.bad[i]
        let text = toySpec.replacingOccurrences(of: from, with: to)
        #expect(text != toySpec || from == to)
        let message = specError(text)
        #expect(message?.contains(expected) == true, "got: \(message ?? "no error")")
        #expect(message?.contains("\n") == false)
    }

    @Test func cycleThroughTwoParameters() {
        let message = specError("""
            trials: 1
            objectives: {e: minimize}
            command: run
            parameters:
              a: {values: [x, y], when: {b: u}}
              b: {values: [u, v], when: {a: x}}
            """)
        #expect(message?.contains("the conditions form a cycle through") == true, "\(message ?? "")")
    }

    @Test func notYAML() {
        #expect(specError("trials: [1, 2")?.hasPrefix("s.yaml: not valid YAML") == true)
        #expect(specError("- a\n- b")?.contains("expected a mapping") == true)
    }

    @Test func trainerSpec() throws {
        // Read back from a store (no folder): the data files are not looked up again.
        let spec = try SpecReader.parse("""
            trials: 4
            objectives: {error: minimize}
            trainer: mlp
            data: {images: data/i.idx, labels: data/l.idx}
            parameters:
              lr: {distribution: log_uniform_values, min: 0.001, max: 0.1}
            """, file: "s.yaml", folder: "")
        #expect(spec.run == .trainer(name: "mlp", arguments: ["--images=data/i.idx", "--labels=data/l.idx"]))
        #expect(spec.run.template(slopeExecutable: "/bin/slope") == ["/bin/slope", "mlp", "--images=data/i.idx", "--labels=data/l.idx", "{args}", "--seed={seed}"])
        let unknown = specError("""
            trials: 4
            objectives: {error: minimize}
            trainer: mlp
            data: {csv: t.csv}
            parameters:
              dropout: {distribution: uniform, min: 0, max: 0.5}
            """)
        #expect(unknown?.contains("parameters.dropout: the mlp trainer has no hyperparameter 'dropout'") == true)
        #expect(specError("trials: 1\nobjectives: {e: minimize}\ntrainer: mlp\nparameters:\n  lr: {value: 0.1}")?
            .contains("trainer: mlp needs data:") == true)
    }
}

@Suite struct SpecLimitsTests {
    @Test func reservedNamesHugeRangesAndTrials() {
        #expect(specError(toySpec.replacingOccurrences(of: "  width:", with: "  seed:"))?
            .contains("parameters.seed: 'seed' is reserved") == true)
        #expect(specError(toySpec.replacingOccurrences(of: "min: 8, max: 256", with: "min: -9223372036854775807, max: 9223372036854775807"))?
            .contains("parameters.width.min: int_uniform bounds must lie within ±2^52") == true)
        #expect(specError(toySpec.replacingOccurrences(of: "trials: 30", with: "trials: 100000000"))?
            .contains("trials: give the number of trials, from 1 to 1000000") == true)
        #expect(specError(toySpec.replacingOccurrences(of: "objectives: {error: minimize}", with: "objectives: {width: minimize}"))?
            .contains("objectives.width: 'width' is also a parameter") == true)
    }
}
