import Foundation
import SlopeCore
import Yams

/// Reads and checks a study spec (YAML, in the style of W&B sweeps). Every problem is reported
/// before anything runs, as one `SlopeError` naming the file, line and key.
public enum SpecReader {
    static let topKeys = ["name", "trials", "seed", "sampler", "tpe", "stages", "constraints", "objectives", "command", "trainer", "data",
                          "timeout", "max_attempts", "parameters", "enqueue", "pruner"]
    /// Columns of `slope study export` that no objective may be named.
    static let exportColumns = ["id", "state", "wall_time_s", "peak_rss_bytes"]
    static let parameterKeys = ["values", "value", "distribution", "min", "max", "q", "when"]
    static let distributions = ["uniform", "log_uniform_values", "int_uniform", "q_uniform", "q_log_uniform_values"]
    /// More trials than a study store is meant to hold is a typo, not a study.
    static let maximumTrials = 1_000_000
    /// Names the command template uses for itself.
    static let reservedNames = ["args", "seed", "id", "gpu"]

    /// Reads the spec file at `path`; its trials run in the file's folder.
    public static func read(path: String) throws -> StudySpec {
        let text = try FileBytes.text(path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, file: path, folder: folder)
    }

    /// Parses spec text; `file` names it in errors, `folder` is where its trials will run.
    public static func parse(_ text: String, file: String, folder: String) throws(SlopeError) -> StudySpec {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw SlopeError.spec(file: file, line: nil, key: "spec", reason: "the file is empty") }
            root = node
        } catch let error as SlopeError {
            throw error
        } catch {
            let lines = String(describing: error).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            throw SlopeError.invalidFile(file: file, reason: "not valid YAML: " + Shown.bare(lines.joined(separator: " "), limit: 300))
        }
        let top = try YAMLMap(file: file, path: "", node: root)
        try top.onlyKeys(topKeys)

        let space = try parameters(top)
        let objectives = try objectives(top)
        let seed = try top.int("seed") ?? 0
        guard seed >= 0 else { throw top.error("seed", "must be a whole number >= 0") }
        let stages: [StageSpec]
        if let maps = try top.maps("stages") {
            for key in ["trials", "sampler", "tpe"] where top[key] != nil {
                throw top.error(key, "with stages:, give \(key): in each stage")
            }
            guard !maps.isEmpty else { throw top.error("stages", "give at least one stage") }
            stages = try maps.enumerated().map { k, m throws(SlopeError) in try stage(m, first: k == 0, space: space, objectives: objectives) }
            for (k, s) in stages.enumerated() where stages.prefix(k).contains(where: { $0.name == s.name }) {
                throw maps[k].error("name", "another stage is called '\(s.name)'")
            }
        } else {
            stages = [try stage(top, first: true, space: space, objectives: objectives, name: "main")]
        }
        let trials = stages.map(\.trials).reduce(0, +)
        guard trials <= maximumTrials else { throw top.error("stages", "more than \(maximumTrials) trials in all") }
        let timeout = try top.double("timeout")
        if let timeout, timeout <= 0 { throw top.error("timeout", "must be a positive number of seconds") }
        let maxAttempts = try top.int("max_attempts") ?? StudySpec.defaultMaxAttempts
        guard (1...100).contains(maxAttempts) else { throw top.error("max_attempts", "must be a whole number from 1 to 100") }
        var spec = StudySpec(
            name: try top.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
            trials: trials, seed: UInt64(seed), sampler: stages[0].sampler, objectives: objectives,
            run: try command(top, space: space, folder: folder), timeout: timeout, space: space, folder: folder, source: text)
        spec.maxAttempts = maxAttempts
        spec.stages = stages
        if let map = try top.map("constraints") {
            guard stages.contains(where: { $0.sampler == .tpe }) else {
                throw top.error("constraints", "constraints steer TPE: give sampler: tpe (or a tpe stage)")
            }
            spec.constraints = try constraints(map)
        }
        if let map = try top.map("pruner") { spec.pruner = try pruner(map) }
        if let sets = try top.maps("enqueue") {
            guard sets.count <= stages[0].trials else {
                throw top.error("enqueue", "\(sets.count) parameter sets for the \(stages[0].trials) trials of the first stage")
            }
            spec.enqueued = try sets.map { m throws(SlopeError) in try enqueued(m, space: space) }
        }
        return spec
    }

    /// One parameter set of `enqueue:`, checked against the space: every parameter active
    /// under the set's own values given, in its domain; no inactive or unknown one.
    static func enqueued(_ m: YAMLMap, space: ParameterSpace) throws(SlopeError) -> TrialParameters {
        for name in m.pairs.map(\.key) where space.parameter(named: name) == nil {
            throw m.error(name, "not a parameter (parameters: \(Shown.list(space.parameters.map(\.name))))")
        }
        var chosen: [String: ParameterValue] = [:]
        for i in space.evaluationOrder {
            let p = space.parameters[i]
            let active = p.when.allSatisfy { c in chosen[c.parameter].map(c.values.contains) ?? false }
            guard active else {
                if m[p.name] != nil { throw m.error(p.name, "is not active with this set's values (its condition does not hold)") }
                continue
            }
            guard let node = m[p.name] else { throw m.error(p.name, "give a value: the parameter is active with this set's values") }
            guard let raw = YAMLMap.value(node), let value = p.domain.accepting(raw) else {
                throw m.error(p.name, "\(Shown.quoted(node.string ?? "\(node)")) is not a value of the parameter")
            }
            chosen[p.name] = value
        }
        return TrialParameters(space.parameters.compactMap { p in chosen[p.name].map { (p.name, $0) } })
    }

    /// `pruner:`: a kind and only the settings that kind reads, each in its range.
    static func pruner(_ map: YAMLMap) throws(SlopeError) -> PrunerSpec {
        let kinds = PrunerSpec.Kind.allCases.map(\.rawValue)
        guard let name = try map.string("kind") else { throw map.error("kind", "give the pruner's kind: \(kinds.joined(separator: ", "))") }
        guard let kind = PrunerSpec.Kind(rawValue: name) else {
            throw map.error("kind", "unknown pruner \(Shown.quoted(name)) (expected \(kinds.joined(separator: ", ")))")
        }
        let own = PrunerSpec.keys(of: kind)
        for (key, _) in map.pairs where key != "kind" && key != "grace" && !own.contains(key) {
            let all = Set(PrunerSpec.Kind.allCases.flatMap(PrunerSpec.keys))
            guard all.contains(key) else { try map.onlyKeys(["kind", "grace"] + all.sorted()); continue }
            throw map.error(key, "the \(name) pruner does not read \(key) (it reads: \((own + ["grace"]).joined(separator: ", ")))")
        }
        var p = PrunerSpec(kind: kind)
        func whole(_ key: String, _ least: Int) throws(SlopeError) -> Int? {
            guard let k = try map.int(key) else { return nil }
            guard k >= least && k <= 1_000_000_000 else { throw map.error(key, "must be a whole number from \(least) to 1000000000") }
            return k
        }
        p.startupTrials = try whole("startup_trials", 0) ?? p.startupTrials
        p.warmupSteps = try whole("warmup_steps", 0) ?? p.warmupSteps
        p.minStep = try whole("min_step", 1) ?? p.minStep
        p.reductionFactor = try whole("reduction_factor", 2) ?? p.reductionFactor
        p.maxStep = try whole("max_step", 1)
        if kind == .hyperband {
            guard let max = p.maxStep else { throw map.error("max_step", "give the most steps a trial runs (e.g. its epochs): Hyperband sizes its brackets by it") }
            guard max >= p.minStep else { throw map.error("max_step", "\(max) is below min_step (\(p.minStep))") }
        }
        if kind == .threshold {
            p.lower = try map.double("lower")
            p.upper = try map.double("upper")
            guard p.lower != nil || p.upper != nil else {
                throw map.error("upper", "give upper:, lower: or both: a report outside them (or not a number) stops the trial")
            }
            if let lower = p.lower, let upper = p.upper, lower > upper { throw map.error("lower", "\(lower) is above upper (\(upper))") }
        }
        if let grace = try map.double("grace") {
            guard grace > 0 && grace <= 3600 else { throw map.error("grace", "must be a number of seconds in (0, 3600]") }
            p.grace = grace
        }
        return p
    }

    static func constraints(_ map: YAMLMap) throws(SlopeError) -> [Constraint] {
        var out: [Constraint] = []
        for (name, _) in map.pairs {
            guard let bounds = try map.map(name) else { continue }
            try bounds.onlyKeys(["min", "max"])
            let min = try bounds.double("min"), max = try bounds.double("max")
            guard min != nil || max != nil else { throw map.error(name, "give min:, max: or both") }
            if let min, let max, min > max { throw bounds.error("min", "min (\(min)) is greater than max (\(max))") }
            out.append(Constraint(name: name, min: min, max: max))
        }
        return out
    }

    /// A stage: a map of `stages:`, or the top of a spec without stages (`name` given).
    static func stage(_ map: YAMLMap, first: Bool, space: ParameterSpace, objectives: [Objective],
                      name fixedName: String? = nil) throws(SlopeError) -> StageSpec {
        if fixedName == nil { try map.onlyKeys(["name", "trials", "sampler", "tpe", "reduce"]) }
        let name: String
        if let fixedName { name = fixedName } else {
            guard let given = try map.string("name"), !given.isEmpty else { throw map.error("name", "give the stage a name") }
            name = given
        }
        let trials = try map.int("trials") ?? 0
        guard trials >= 1 && trials <= maximumTrials else {
            throw map.error("trials", "give the number of trials, from 1 to \(maximumTrials)")
        }
        let samplerName = try map.string("sampler") ?? SamplerKind.random.rawValue
        guard let sampler = SamplerKind(rawValue: samplerName) else {
            throw map.error("sampler", "unknown sampler '\(samplerName)' (expected random, lhs, sobol or tpe)")
        }
        if sampler == .sobol && space.parameters.count > SobolSequence.maximumDimension {
            throw map.error("sampler", "sobol supports at most \(SobolSequence.maximumDimension) parameters; use lhs or random")
        }
        var tpe = TPESettings()
        if let settings = try map.map("tpe") {
            guard sampler == .tpe else { throw map.error("tpe", "tpe: settings go with sampler: tpe") }
            tpe = try tpeSettings(settings)
            if first, let startup = try settings.int("startup"), startup >= trials {
                throw settings.error("startup", "\(startup) trials from the prior before TPE starts, of \(trials) trials: TPE would never propose (give fewer, or more trials)")
            }
        }
        var reduce: Reduction?
        if let settings = try map.map("reduce") {
            guard !first else { throw map.error("reduce", "the first stage has no earlier trials to screen") }
            reduce = try reduction(settings, objectives: objectives)
        }
        return StageSpec(name: name, trials: trials, sampler: sampler, tpe: tpe, reduce: reduce)
    }

    static func reduction(_ map: YAMLMap, objectives: [Objective]) throws(SlopeError) -> Reduction {
        try map.onlyKeys(["alpha", "objective", "goal", "narrow", "cost"])
        var r = Reduction()
        r.alpha = try map.double("alpha") ?? r.alpha
        guard r.alpha > 0 && r.alpha < 1 else { throw map.error("alpha", "must be a level in (0, 1)") }
        r.goal = try map.double("goal")
        if let goal = r.goal, !(goal > 0 && goal < 1) { throw map.error("goal", "must be a fraction in (0, 1)") }
        r.narrow = try map.bool("narrow") ?? r.narrow
        r.objective = try map.string("objective")
        if let name = r.objective, !objectives.contains(where: { $0.name == name }) {
            throw map.error("objective", "'\(name)' is not an objective (objectives: \(objectives.map(\.name).joined(separator: ", ")))")
        }
        r.cost = try map.string("cost")
        let costs = objectives.map(\.name) + [RecordedObjective.wallTime, RecordedObjective.peakMemory]
        if let name = r.cost, !costs.contains(name) {
            throw map.error("cost", "'\(name)' is not an objective or a measured cost (one of: \(costs.joined(separator: ", ")))")
        }
        return r
    }

    static func tpeSettings(_ map: YAMLMap) throws(SlopeError) -> TPESettings {
        try map.onlyKeys(["startup", "candidates", "goal"])
        var settings = TPESettings()
        settings.startup = try map.int("startup") ?? settings.startup
        guard settings.startup >= 1 && settings.startup <= maximumTrials else {
            throw map.error("startup", "must be a whole number of trials >= 1")
        }
        settings.candidates = try map.int("candidates") ?? settings.candidates
        guard (1...10_000).contains(settings.candidates) else { throw map.error("candidates", "must be a whole number from 1 to 10000") }
        settings.goal = try map.double("goal") ?? settings.goal
        guard settings.goal > 0 && settings.goal < 1 else { throw map.error("goal", "must be a fraction in (0, 1)") }
        return settings
    }

    static func objectives(_ top: YAMLMap) throws(SlopeError) -> [Objective] {
        guard let map = try top.map("objectives"), !map.pairs.isEmpty else {
            throw top.error("objectives", "give at least one objective, e.g. {error: minimize}")
        }
        var out: [Objective] = []
        let parameters = (try top.map("parameters"))?.pairs.map(\.key) ?? []
        for (name, _) in map.pairs {
            guard !parameters.contains(name) && !exportColumns.contains(name) else {
                throw map.error(name, "'\(name)' is also a parameter or an export column; give the objective another name")
            }
            let word = try map.string(name) ?? ""
            guard let direction = Direction(rawValue: word) else {
                throw map.error(name, "expected minimize or maximize, found '\(word)'")
            }
            out.append(Objective(name: name, direction: direction))
        }
        return out
    }

    static func command(_ top: YAMLMap, space: ParameterSpace, folder: String) throws(SlopeError) -> TrialCommand {
        switch (top["command"], top["trainer"]) {
        case (nil, nil), (.some, .some):
            throw top.error(top["command"] == nil ? "command" : "trainer", "give exactly one of command: or trainer:")
        case (.some, nil):
            guard top["data"] == nil else { throw top.error("data", "data: goes with trainer:, not command:") }
            let line = try top.string("command") ?? ""
            guard let tokens = CommandTemplate.split(line), !tokens.isEmpty else {
                throw top.error("command", "expected a program and its arguments (quotes must be closed)")
            }
            for name in CommandTemplate(tokens: tokens).parameterPlaceholders where space.parameter(named: name) == nil {
                throw top.error("command", "{\(name)} names no parameter")
            }
            return .command(tokens)
        case (nil, .some):
            return try TrainerSpec.read(top, space: space, folder: folder)
        }
    }

    static func parameters(_ top: YAMLMap) throws(SlopeError) -> ParameterSpace {
        guard let map = try top.map("parameters"), !map.pairs.isEmpty else {
            throw top.error("parameters", "give at least one parameter")
        }
        var list: [Parameter] = [], maps: [YAMLMap] = []
        for (name, _) in map.pairs {
            guard let p = try map.map(name) else { continue }
            maps.append(p)
            guard !reservedNames.contains(name) else {
                throw map.error(name, "'\(name)' is reserved ({args}, {seed} and {id} are the trial's own); rename the parameter")
            }
            try p.onlyKeys(parameterKeys)
            list.append(Parameter(name: name, domain: try domain(p), when: try conditions(p)))
        }
        // Conditions must name earlier-or-later parameters that exist, with values they can take.
        for (pmap, parameter) in zip(maps, list) {
            guard let whenMap = try pmap.map("when") else { continue }
            for c in parameter.when {
                guard let parent = list.first(where: { $0.name == c.parameter }) else {
                    throw whenMap.error(c.parameter, "no parameter named '\(c.parameter)'")
                }
                if case let .values(levels) = parent.domain, let bad = c.values.first(where: { !levels.contains($0) }) {
                    throw whenMap.error(c.parameter, "'\(bad)' is not one of the values of \(c.parameter)")
                }
            }
        }
        do {
            return try ParameterSpace(parameters: list)
        } catch {
            let at = list.firstIndex { $0.name == error.parameter }.map { maps[$0] } ?? map
            throw at.error("when", "the conditions form a cycle through '\(error.parameter)'")
        }
    }

    static func domain(_ p: YAMLMap) throws(SlopeError) -> Domain {
        if let values = try p.values("values") {
            guard p["distribution"] == nil, p["value"] == nil else { throw p.error("values", "give values: or distribution:, not both") }
            guard !values.isEmpty else { throw p.error("values", "the list is empty") }
            guard Set(values).count == values.count else { throw p.error("values", "the list repeats a value") }
            return .values(values)
        }
        if let value = try p.values("value") {
            guard p["distribution"] == nil, value.count == 1 else { throw p.error("value", "expected one value") }
            return .values(value)
        }
        guard let name = try p.string("distribution") else {
            throw p.error("distribution", "give values: [...] or distribution: (\(distributions.joined(separator: ", ")))")
        }
        if name == "int_uniform" {
            guard let lo = try p.int("min"), let hi = try p.int("max") else { throw p.error("min", "int_uniform needs whole-number min and max") }
            guard lo <= hi else { throw p.error("min", "min (\(lo)) is greater than max (\(hi))") }
            guard abs(lo) < 1 << 52 && abs(hi) < 1 << 52 else { throw p.error("min", "int_uniform bounds must lie within ±2^52") }
            return .intUniform(min: lo, max: hi)
        }
        if name == "q_log_uniform_values" {
            // W&B's name; slope takes its integers (q: 1): a batch size, a width on a log scale.
            guard (try p.double("q") ?? 1) == 1 else { throw p.error("q", "q_log_uniform_values takes q: 1 (integers on a log scale) only") }
            guard let lo = try p.int("min"), let hi = try p.int("max") else { throw p.error("min", "q_log_uniform_values needs whole-number min and max") }
            guard lo >= 1 else { throw p.error("min", "q_log_uniform_values needs 1 <= min, found min = \(lo)") }
            guard lo <= hi else { throw p.error("min", "min (\(lo)) is greater than max (\(hi))") }
            guard hi < 1 << 52 else { throw p.error("max", "q_log_uniform_values bounds must lie below 2^52") }
            return .logInt(min: lo, max: hi)
        }
        guard distributions.contains(name) else {
            throw p.error("distribution", "unknown distribution '\(name)' (expected \(distributions.joined(separator: ", ")))")
        }
        guard let lo = try p.double("min") else { throw p.error("min", "\(name) needs min") }
        guard let hi = try p.double("max") else { throw p.error("max", "\(name) needs max") }
        guard lo <= hi else { throw p.error("min", "min (\(lo)) is greater than max (\(hi))") }
        switch name {
        case "log_uniform_values":
            guard lo > 0 else { throw p.error("min", "log_uniform_values needs 0 < min <= max, found min = \(lo)") }
            return .logUniform(min: lo, max: hi)
        case "q_uniform":
            let q = try p.double("q") ?? 1
            guard q > 0 else { throw p.error("q", "must be positive") }
            guard (lo / q).rounded(.up) <= (hi / q).rounded(.down) else { throw p.error("q", "no multiple of \(q) lies in [\(lo), \(hi)]") }
            return .quantized(min: lo, max: hi, q: q)
        default:
            return .uniform(min: lo, max: hi)
        }
    }

    static func conditions(_ p: YAMLMap) throws(SlopeError) -> [Condition] {
        guard let when = try p.map("when") else { return [] }
        guard !when.pairs.isEmpty else { throw p.error("when", "name at least one parameter") }
        var out: [Condition] = []
        for (name, _) in when.pairs {
            guard let values = try when.values(name), !values.isEmpty else { throw when.error(name, "expected a value or a list") }
            out.append(Condition(parameter: name, values: values))
        }
        return out
    }
}
