import SlopeCore

// The JSON form of `slope study analyze` (docs/study-analysis.md); key names are stable.

extension StudyAnalysis: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("source", source)
            try c.put("trials", trials)
            // The sentences, then the same as values.
            try c.put("trial_selection", provenance?.read.sentence)
            try c.put("stage_decisions", provenance?.decisionSentences ?? [])
            try c.put("trials_read", provenance?.read)
            try c.put("stage_reductions", provenance.map { p in p.decisions.map { NamedDecision(decision: $0, stage: p.stageName($0.stage)) } } ?? [])
            try c.put("goal", goal)
            try c.put("components", components.map(\.description))
            try c.put("permutations", permutations)
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
            try c.put("pruned_ranked", prunedRanked)
            try c.put("pruned_left_out", prunedLeftOut)
            try c.put("pruned_not_read", prunedNotRead)
            try c.put("evidence", evidence)
            try c.put("pairs", pairs)
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

extension GoalEvidence: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("components", components.indices.map { k in EncodedComponent(evidence: self, index: k) })
            try c.put("permutations", permutations)
            try c.put("bootstrap", bootstrap)
            try c.put("confidence", confidence)
            try c.put("parameters", ranked.map { EncodedParameter(evidence: self, parameter: $0) })
        }
    }

    /// A component with where it sits on all the trials.
    private struct EncodedComponent: Encodable {
        let evidence: GoalEvidence
        let index: Int

        func encode(to encoder: any Encoder) throws {
            try jsonObject(encoder) { c in
                let component = evidence.components[index]
                try c.put("name", component.description)
                try c.put("kind", component == .ranked ? "ranked" : "goal")
                try c.put("fraction", component.fraction)
                try c.put("threshold", evidence.thresholds[index])
                try c.put("trials", evidence.goalCounts[index])
            }
        }
    }

    /// A hyperparameter's evidence, its components named.
    private struct EncodedParameter: Encodable {
        let evidence: GoalEvidence
        let parameter: ParameterEvidence

        func encode(to encoder: any Encoder) throws {
            try jsonObject(encoder) { c in
                try c.put("name", parameter.name)
                try c.put("kind", parameter.kind)
                try c.put("rows", parameter.rows)
                try c.put("p_combined", parameter.pCombined)
                try c.put("p_adjusted", parameter.pAdjusted)
                try c.put("carried_by", parameter.carrier.map { evidence.components[$0].description })
                try c.put("score", parameter.score)
                try c.put("components", parameter.components.enumerated().map { k, index in
                    EncodedIndex(name: evidence.components[k].description, index: index)
                })
                try c.put("hsic_interval", parameter.hsicInterval)
                try c.put("r2_hsic_interval", parameter.r2Interval)
                try c.put("note", parameter.note)
            }
        }
    }

    private struct EncodedIndex: Encodable {
        let name: String
        let index: ComponentIndex

        func encode(to encoder: any Encoder) throws {
            try jsonObject(encoder) { c in
                try c.put("component", name)
                try c.put("hsic", index.hsic)
                try c.put("r2_hsic", index.r2HSIC)
                try c.put("p_gamma", index.pGamma)
                try c.put("p_permutation", index.pPermutation)
            }
        }
    }
}
