import SlopeCore

// The values behind `study analyze`'s sentences about its trials (docs/study-analysis.md).

extension TrialsRead: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            let (name, stage): (String, String?) = switch rule {
            case .fromPrior: ("from_prior", nil)
            case .all: ("all", nil)
            case let .stage(stage): ("stage", stage)
            }
            try c.put("rule", name)
            try c.put("stage", stage)
            try c.put("read", read)
            try c.put("of", of)
            try c.put("not_from_prior", notFromPrior)
        }
    }
}

/// A stage decision with its stage's name, as `study export --json` writes it plus `stage_name`.
struct NamedDecision: Encodable {
    let decision: StageDecision
    let stage: String

    func encode(to encoder: any Encoder) throws {
        let d = decision
        try jsonObject(encoder) { c in
            try c.put("stage", d.stage)
            try c.put("stage_name", stage)
            try c.put("objective", d.objective)
            try c.put("trials", d.trials)
            try c.put("goal", d.goal)
            try c.put("alpha", d.alpha)
            try c.put("choices", d.choices.map(Choice.init))
        }
    }

    struct Choice: Encodable {
        let choice: StageDecision.Choice

        func encode(to encoder: any Encoder) throws {
            let x = choice
            try jsonObject(encoder) { c in
                try c.put("parameter", x.parameter)
                try c.put("p", x.pValue.flatMap { $0.isFinite ? $0 : nil })
                try c.put("p_raw", x.pRaw.flatMap { $0.isFinite ? $0 : nil })
                try c.put("fixed", x.fixed.map(Literal.init))
                try c.put("low", x.low)
                try c.put("high", x.high)
            }
        }
    }

    /// A hyperparameter's value as the JSON literal it is (not its stored Codable form).
    struct Literal: Encodable {
        let value: ParameterValue

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch value {
            case let .real(x): try c.encode(x)
            case let .integer(k): try c.encode(k)
            case let .text(s): try c.encode(s)
            case let .boolean(b): try c.encode(b)
            }
        }
    }
}
