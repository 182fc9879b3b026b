import SlopeCore

// The JSON form of `slope analyze` (docs/analysis-json.md); key names are stable.

extension Analysis: Encodable {
    /// Set to true in an encoder's `userInfo` to leave the history out (it is then streamed).
    static let omitHistory = CodingUserInfoKey(rawValue: "slope.omitHistory")!

    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.object("dataset") { d in
                try d.put("file", dataset.file)
                try d.put("rows", dataset.rows)
                try d.put("target", dataset.target)
                try d.put("features", dataset.features)
                try d.put("constant_features", dataset.constantFeatures)
                try d.put("hsic_rows", dataset.hsicRows)
            }
            try c.object("settings") { s in
                try s.put("activation", settings.activation)
                try s.put("loss", settings.loss)
                try s.put("huber_delta", settings.huberDelta)
                try s.put("lr", settings.learningRate)
                try s.put("epochs", settings.epochs)
                try s.put("restarts", settings.restarts)
                try s.put("seeds", settings.seeds)
                try s.put("batch_size", settings.batchSize)
                try s.put("feature_scaling", settings.featureScaling)
                try s.put("explicit_init", settings.explicitInit)
                try s.put("convention", settings.convention)
                try s.put("series", settings.series)
                try s.put("null_trainings", settings.nullTrainings)
                try s.put("flat", settings.flat)
            }
            try c.put("features", features)
            try c.put("agreement", agreement)
            try c.object("null") { n in
                try n.put("trainings", settings.nullTrainings)
                try n.put("alpha", FeatureNull.alpha)
                try n.put("beyond_chance", beyondChance)
            }
            try c.object("common_mode") { m in
                try m.put("mean", commonMode.mean)
                try m.put("per_restart", commonMode.perRestart)
            }
            try c.object("training") { t in
                try t.object("health") { h in
                    try h.put("ok", health.ok)
                    try h.put("warnings", health.warnings)
                }
            }
            if let history, encoder.userInfo[Self.omitHistory] as? Bool != true { try c.put("history", history) }
        }
    }
}

extension FeatureReport: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("name", name)
            try c.put("rank", rank)
            try c.object("trend") { t in
                try t.put("label", trend.label)
                try t.put("share_increasing", trend.shareIncreasing)
                try t.put("mean_rho", trend.meanRho)
                try t.put("sd_rho", trend.sdRho)
                try t.put("rho", trend.rho)
                try t.put("labels", trend.labels)
                try t.put("null_p", null?.p)
                try t.put("null_p_adjusted", null?.pAdjusted)
                try t.put("mean_sign", trend.meanSign)
                try t.put("null_mean_sign", null?.mean)
                try t.put("null_sd", null?.sd)
                try t.put("beyond_chance", null?.beyondChance)
            }
            try c.object("spearman") { s in
                try s.put("rho", spearman?.coefficient)
                try s.put("p", spearman?.p)
                try s.put("interval", spearmanInterval)
            }
            try c.object("pearson") { p in
                try p.put("r", pearson?.coefficient)
                try p.put("p", pearson?.p)
            }
            try c.object("hsic") { h in
                try h.put("hsic", hsic.hsic)
                try h.put("r2_hsic", hsic.r2HSIC)
                try h.put("p", hsic.pGamma)
            }
            try c.put("agrees", agrees)
            try c.object("decay") { d in
                try d.put("d1", d1Decay)
                try d.put("d3", d3Decay)
            }
        }
    }
}

extension DecaySummary: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("first_abs_median", firstMedian)
            try c.put("last_abs_median", lastMedian)
            try c.put("ratio_median", ratioMedian)
            try c.put("first_epoch_below_tenth", firstEpochBelowTenth)
        }
    }
}

extension Agreement: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("count", count)
            try c.put("of", of)
            try c.put("disagreeing", disagreeing)
            try c.put("per_restart", perRestart)
            try c.put("expected_by_majority", expectedByMajority)
            try c.put("majority_label", majorityLabel)
            try c.put("expected_under_null", expectedUnderNull)
        }
    }
}

extension TrainingHealth.Warning: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("kind", kind.rawValue)
            try c.put("restarts", restarts)
            try c.put("message", message)
        }
    }
}

extension Interval: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("lower", lower)
            try c.put("upper", upper)
        }
    }
}
