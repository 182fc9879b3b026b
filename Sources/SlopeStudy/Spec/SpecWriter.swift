import SlopeCore

/// A spec value written as YAML that `SpecReader` reads back to the same spec (the same
/// fingerprint): how a study made as a value (an Optuna import) is kept in a store.
public enum SpecWriter {
    /// The spec as YAML; `comments` become `#` lines at the top.
    public static func yaml(_ spec: StudySpec, comments: [String] = []) -> String {
        var lines = comments.map { "# " + $0 }
        lines.append("name: \(JSONText.quoted(spec.name))")
        if spec.seed != 0 { lines.append("seed: \(spec.seed)") }
        if spec.stages.count > 1 {
            lines.append("stages:")
            lines += spec.stages.map { "  - " + stage($0) }
        } else {
            lines.append("trials: \(spec.trials)")
            lines.append("sampler: \(spec.sampler.rawValue)")
            if spec.sampler == .tpe { lines.append("tpe: " + tpe(spec.stages[0].tpe)) }
        }
        if !spec.constraints.isEmpty {
            lines.append("constraints: {" + spec.constraints.map { c in
                "\(JSONText.quoted(c.name)): {" + [c.min.map { "min: \(number($0))" }, c.max.map { "max: \(number($0))" }]
                    .compactMap { $0 }.joined(separator: ", ") + "}"
            }.joined(separator: ", ") + "}")
        }
        lines.append("objectives: {" + spec.objectives.map { "\(JSONText.quoted($0.name)): \($0.direction.rawValue)" }
            .joined(separator: ", ") + "}")
        switch spec.run {
        case let .command(tokens):
            lines.append("command: \(scalar(tokens.map(shellWord).joined(separator: " ")))")
        case let .trainer(name, arguments):
            lines.append("trainer: \(name)")
            let data = arguments.compactMap(TrialArgument.parse)
            // Numbers stay numbers (validation: 0.2); everything else is a string.
            lines.append("data: {" + data.map { "\($0.name): \(Double($0.value) != nil ? $0.value : JSONText.quoted($0.value))" }
                .joined(separator: ", ") + "}")
        }
        if let timeout = spec.timeout { lines.append("timeout: \(number(timeout))") }
        if let p = spec.pruner { lines.append("pruner: " + pruner(p)) }
        if !spec.enqueued.isEmpty {
            lines.append("enqueue:")
            lines += spec.enqueued.map { set in
                "  - {" + set.entries.map { "\(JSONText.quoted($0.name)): \($0.value.json)" }.joined(separator: ", ") + "}"
            }
        }
        lines.append("parameters:")
        for p in spec.space.parameters {
            var entry = domain(p.domain)
            if !p.when.isEmpty {
                entry += ", when: {" + p.when.map { c in
                    "\(JSONText.quoted(c.parameter)): [\(c.values.map(\.json).joined(separator: ", "))]"
                }.joined(separator: ", ") + "}"
            }
            lines.append("  \(JSONText.quoted(p.name)): {\(entry)}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The pruner as a flow mapping: its kind, its own settings and its grace.
    static func pruner(_ p: PrunerSpec) -> String {
        "{kind: \(p.kind.rawValue)" + p.settings.map { ", \($0.key): \($0.value)" }.joined() + "}"
    }

    /// A stage as a flow mapping.
    static func stage(_ s: StageSpec) -> String {
        var keys = ["name: \(JSONText.quoted(s.name))", "trials: \(s.trials)", "sampler: \(s.sampler.rawValue)"]
        if s.sampler == .tpe { keys.append("tpe: " + tpe(s.tpe)) }
        if let r = s.reduce {
            let reduce = ["alpha: \(number(r.alpha))", r.objective.map { "objective: \(JSONText.quoted($0))" },
                          r.goal.map { "goal: \(number($0))" }, r.narrow ? "narrow: true" : nil, r.cost.map { "cost: \(JSONText.quoted($0))" }]
            keys.append("reduce: {" + reduce.compactMap { $0 }.joined(separator: ", ") + "}")
        }
        return "{" + keys.joined(separator: ", ") + "}"
    }

    static func tpe(_ t: TPESettings) -> String {
        "{startup: \(t.startup), candidates: \(t.candidates), goal: \(number(t.goal))}"
    }

    /// A domain as the keys of its flow mapping.
    static func domain(_ d: Domain) -> String {
        switch d {
        case let .uniform(lo, hi): return "distribution: uniform, min: \(number(lo)), max: \(number(hi))"
        case let .logUniform(lo, hi): return "distribution: log_uniform_values, min: \(number(lo)), max: \(number(hi))"
        case let .intUniform(lo, hi): return "distribution: int_uniform, min: \(lo), max: \(hi)"
        case let .logInt(lo, hi): return "distribution: q_log_uniform_values, min: \(lo), max: \(hi), q: 1"
        case let .quantized(lo, hi, q): return "distribution: q_uniform, min: \(number(lo)), max: \(number(hi)), q: \(number(q))"
        case let .values(list): return "values: [\(list.map(\.json).joined(separator: ", "))]"
        }
    }

    /// A real number YAML reads as a float: the shortest round-trip decimal, with a point
    /// before an exponent (`1e-05` alone would be read as text).
    static func number(_ x: Double) -> String {
        let text = "\(x)"
        guard !text.contains("."), let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        return text[..<e] + ".0" + text[e...]
    }

    /// A YAML scalar: plain when safe, else a JSON string (which YAML reads as such).
    static func scalar(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "_./-=,{} ".contains($0) }
            && !"{-".contains(text.first ?? " ") && !text.hasSuffix(" ")
        return plain ? text : JSONText.quoted(text)
    }

    /// An argument quoted so that `CommandTemplate.split` gives it back.
    static func shellWord(_ word: String) -> String {
        guard word.isEmpty || word.contains(where: { $0.isWhitespace || "'\"\\".contains($0) }) else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
