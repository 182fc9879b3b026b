import SlopeCore

// The JSON form of `slope study analyze` (docs/study-analysis.md); key names are stable.

extension StudyAnalysis: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("source", source)
            try c.put("trials", trials)
            try c.put("trial_selection", selection)
            try c.put("stage_decisions", stageDecisions)
            try c.put("goal", goal)
            try c.put("alpha", alpha)
            try c.put("missing", missing)
            try c.put("parameters", parameters)
            try c.put("objectives", objectives)
            try c.put("trade_offs", tradeOffs)
            try c.object("pareto") { p in
                try p.put("objectives", objectives.map(\.objective))
                try p.put("front", pareto)
            }
            try c.put("summary", StudySummary.sentences(self))
        }
    }
}

extension StudyAnalysis.ParameterInfo: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("name", name)
            try c.put("kind", kind)
            try c.put("active_trials", activeTrials)
        }
    }
}

extension ObjectiveAnalysis: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("objective", objective)
            try c.put("direction", direction)
            try c.put("rows", rows)
            try c.put("imputed", imputed)
            try c.put("hsic", hsic)
            try c.put("spearman", spearman)
            try c.put("note", note)
            if let small = smallGoal {
                try c.object("small_goal_set") { g in
                    try g.put("trials", small.count)
                    try g.put("goal_for_\(ObjectiveAnalysis.smallGoalSet)", small.fraction)
                }
            } else {
                try c.put("small_goal_set", Optional<Int>.none)
            }
        }
    }
}

extension SpearmanBaseline: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("parameter", parameter)
            try c.put("rho", test?.coefficient)
            try c.put("p", test?.p)
        }
    }
}

extension TradeOff: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("parameter", parameter)
            try c.put("improves", improves)
            try c.put("worsens", worsens)
            try c.put("rho_improves", rhoImproves)
            try c.put("rho_worsens", rhoWorsens)
        }
    }
}
