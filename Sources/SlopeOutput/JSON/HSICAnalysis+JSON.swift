import SlopeCore

// The JSON form of `slope hsic` (docs/hsic-json.md); key names are stable.

extension HSICAnalysis: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("source", source)
            try c.put("output", output)
            try c.put("rows", rows)
            try c.put("settings", settings)
            try c.put("goal_threshold", goalThreshold)
            try c.put("goal_count", goalCount)
            try c.put("indices", indices)
            try c.put("pairs", pairs)
        }
    }
}

extension HSICIndex: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("name", name)
            try c.put("kind", kind)
            try c.put("rows", rows)
            try c.put("hsic", hsic)
            try c.put("r2_hsic", r2HSIC)
            try c.put("p_gamma", pGamma)
            try c.put("p_permutation", pPermutation)
            try c.put("p_adjusted", pAdjusted)
            try c.put("hsic_interval", hsicInterval)
            try c.put("r2_hsic_interval", r2Interval)
            try c.put("note", note)
        }
    }
}

extension HSICPair: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonObject(encoder) { c in
            try c.put("first", first)
            try c.put("second", second)
            try c.put("index", index)
            try c.put("marginal_sum", marginalSum)
            try c.put("interaction", interaction)
        }
    }
}
