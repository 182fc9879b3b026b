import SlopeCore
/// The settings as written in `slope hsic --json` (docs/hsic-json.md): flat keys, the
/// bandwidth as "std", "median" or a number, the goal as an object or null.
extension HSICOptions: Encodable {
    enum CodingKeys: String, CodingKey {
        case estimator, kernel, bandwidth, levelKernel = "level_kernel", unitMap = "unit_map", measure, goal
        case permutations, bootstrap, confidence, pairs, seed
    }

    enum GoalKeys: String, CodingKey {
        case alpha, threshold, direction, smoothness
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let conditional = if case .conditional = measure { true } else { false }
        try c.encode(conditional ? HSICEstimator.v : estimator, forKey: .estimator)
        try c.encode(kernels.kernel, forKey: .kernel)
        switch kernels.bandwidth {
        case .fixed(let s): try c.encode(s, forKey: .bandwidth)
        default: try c.encode(kernels.bandwidth.description, forKey: .bandwidth)
        }
        try c.encode(kernels.weightedCategorical ? "weighted" : "dirac", forKey: .levelKernel)
        try c.encode(kernels.unitMap, forKey: .unitMap)
        switch measure {
        case .global: try c.encode("global", forKey: .measure)
        case .target: try c.encode("target", forKey: .measure)
        case .conditional: try c.encode("conditional", forKey: .measure)
        }
        if let goal = measure.goal {
            var g = c.nestedContainer(keyedBy: GoalKeys.self, forKey: .goal)
            switch goal.boundary {
            case .quantile(let alpha):
                try g.encode(alpha, forKey: .alpha)
                try g.encodeNil(forKey: .threshold)
            case .threshold(let t):
                try g.encodeNil(forKey: .alpha)
                try g.encode(t, forKey: .threshold)
            }
            try g.encode(goal.direction, forKey: .direction)
            try g.encode(goal.smoothness, forKey: .smoothness)
        } else {
            try c.encodeNil(forKey: .goal)
        }
        try c.encode(permutations, forKey: .permutations)
        try c.encode(bootstrap, forKey: .bootstrap)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(seed, forKey: .seed)
    }
}
