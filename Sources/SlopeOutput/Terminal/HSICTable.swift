import SlopeCore
/// The terminal form of an `HSICAnalysis`: the ranked indices, the significance line and,
/// when measured, the pair matrix.
public enum HSICTable {
    public static func render(_ analysis: HSICAnalysis, alpha: Double) -> String {
        let s = analysis.settings
        var out = "\(describe(analysis)), \(analysis.rows) rows\n\n"
        let notes = analysis.indices.contains { $0.note != nil }
        let adjusted = analysis.indices.contains { $0.pAdjusted != nil }
        let rows = analysis.ranked.enumerated().map { r, index in
            [index.hsic == nil ? "-" : "\(r + 1)", index.name, index.kind?.rawValue ?? "", "\(index.rows)",
             TextTable.significant(index.hsic), TextTable.fixed(index.r2HSIC),
             TextTable.pValue(index.pGamma), TextTable.pValue(index.pPermutation)]
                + (adjusted ? [TextTable.pValue(index.pAdjusted)] : [])
                + (s.bootstrap > 0 ? [TextTable.interval(index.r2Interval)] : [])
                + (notes ? [index.note ?? ""] : [])
        }
        let header = ["#", "input", "kind", "rows", "HSIC", "R2-HSIC", "p gamma", "p perm"] + (adjusted ? ["p adj"] : [])
            + (s.bootstrap > 0 ? ["R2 \(Int((s.confidence * 100).rounded()))% interval"] : []) + (notes ? ["note"] : [])
        out += TextTable.render(header: header, rows: rows, leftAligned: Set([1, 2] + (notes ? [header.count - 1] : [])))
        let tests = analysis.indices.filter { $0.pAdjusted != nil }.count
        let which = (s.permutations > 0 ? "permutation p-value, \(s.permutations) permutations" : "gamma p-value")
            + (adjusted ? ", adjusted over the \(tests) inputs" : "")
        let significant = analysis.significant(at: alpha)
        out += "\nsignificant at alpha \(alpha) (\(which)): "
        out += significant.isEmpty ? "none\n" : significant.joined(separator: ", ") + "\n"
        if !analysis.pairs.isEmpty {
            out += "\n" + pairs(analysis.pairs, names: analysis.indices.map(\.name), marginals: analysis.indices.map(\.hsic))
        }
        return out
    }

    private static func describe(_ analysis: HSICAnalysis) -> String {
        let s = analysis.settings
        let kernel = s.kernels.unitMap ? "inputs mapped to [0, 1], gaussian" : s.kernels.kernel.rawValue
        let what: String
        switch s.measure {
        case .global:
            what = "HSIC of \(analysis.output)"
        case .target(let goal):
            what = "target HSIC of \(analysis.output) \(goalText(goal, analysis))"
        case .conditional(let goal):
            what = "conditional HSIC of \(analysis.output) \(goalText(goal, analysis))"
        }
        let estimator = if case .conditional = s.measure { "V" } else { s.estimator.rawValue }
        return "\(what) (\(estimator)-statistic, \(kernel) kernel, bandwidth \(s.kernels.bandwidth))"
    }

    private static func goalText(_ goal: Goal, _ analysis: HSICAnalysis) -> String {
        let side = goal.direction == .minimize ? "<=" : ">="
        let q = TextTable.significant(analysis.goalThreshold)
        let count = analysis.goalCount.map { ", \($0) rows" } ?? ""
        let smooth = goal.smoothness.map { ", smooth weight s = \($0)" } ?? ""
        switch goal.boundary {
        case .quantile(let alpha):
            return "given \(analysis.output) \(side) \(q) (best \(alpha)\(count)\(smooth))"
        case .threshold:
            return "given \(analysis.output) \(side) \(q)\(count)\(smooth)"
        }
    }

    /// The matrix of HSIC values: `marginals` of the inputs `names` on the diagonal, joint in
    /// the upper triangle, and the pairs ranked by joint HSIC over the sum of the marginals.
    static func pairs(_ pairs: [HSICPair], names: [String], marginals: [Double?]) -> String {
        var cell = [[String]](repeating: [String](repeating: "", count: names.count), count: names.count)
        for (i, hsic) in marginals.enumerated() { cell[i][i] = TextTable.significant(hsic) }
        for pair in pairs {
            let (i, j) = (names.firstIndex(of: pair.first)!, names.firstIndex(of: pair.second)!)
            cell[i][j] = TextTable.significant(pair.index.hsic)
        }
        var out = "HSIC of each input (diagonal) and of each pair jointly (product kernel):\n"
        out += TextTable.render(header: [""] + names, rows: names.indices.map { [names[$0]] + cell[$0] }, leftAligned: [0])
        let ranked = pairs.sorted { ratio($0) > ratio($1) }
        let notes = pairs.contains { $0.index.note != nil || $0.interaction.note != nil }
        out += "\ninteraction p: the pair against what the two inputs' separate effects leave of the output (no interaction beyond the two members)\n"
        out += TextTable.render(
            header: ["pair", "rows", "HSIC", "sum of marginals", "ratio", "R2-HSIC", "p gamma", "p perm",
                     "interaction p"] + (notes ? ["note"] : []),
            rows: ranked.map { p in
                ["\(p.first), \(p.second)", "\(p.index.rows)", TextTable.significant(p.index.hsic),
                 TextTable.significant(p.marginalSum), TextTable.fixed(ratio(p).isFinite ? ratio(p) : nil),
                 TextTable.fixed(p.index.r2HSIC), TextTable.pValue(p.index.pGamma), TextTable.pValue(p.index.pPermutation),
                 TextTable.pValue(p.interaction.pValue)]
                    + (notes ? [p.index.note ?? p.interaction.note ?? ""] : [])
            }, leftAligned: [0, 9])
        return out
    }

    private static func ratio(_ pair: HSICPair) -> Double {
        guard let h = pair.index.hsic, let m = pair.marginalSum, m > 0 else { return -.infinity }
        return h / m
    }
}
