/// HSIC of every feature with the target: the non-linear baseline next to Spearman
/// and Pearson (V-statistic, Gaussian kernels with the std bandwidth, gamma p-value).
///
/// HSIC costs O(N²) per feature, so above `maximumRows` rows it is measured on a seeded
/// random subset of that many rows (the same for every feature).
public enum HSICBaseline {
    /// The most rows HSIC is measured on.
    public static let maximumRows = 2000

    /// The rows used for `rowCount` rows: all of them, or a seeded subset, ascending.
    public static func rows(_ rowCount: Int) -> [Int] {
        guard rowCount > maximumRows else { return Array(0..<rowCount) }
        var generator = SeededGenerator(seed: 0)
        return generator.sample(maximumRows, of: rowCount)
    }

    /// One index per feature of `design`, in its order. When the target takes one value on
    /// the rows measured (a subset of a larger table), every index says so instead of a value.
    /// - Throws: what `HSICAnalysis.run` throws for a sample it cannot measure.
    /// - Complexity: O(n · min(N, 2000)²).
    public static func indices(_ design: Design) throws -> [HSICIndex] {
        let rows = rows(design.rowCount)
        var options = HSICOptions()
        options.permutations = 0
        let sample = HSICSample(
            source: "", outputName: design.targetName, output: rows.map { design.target[$0] },
            inputs: design.featureNames.indices.map { i in
                HSICInput(name: design.featureNames[i], kind: .continuous,
                          values: .real(rows.map { design.x[$0 * design.featureCount + i] }))
            })
        guard Set(sample.output).count > 1 else {
            return design.featureNames.map { HSICIndex(name: $0, rows: rows.count, note: "the target is constant") }
        }
        return try HSICAnalysis.run(sample, options: options).indices
    }
}
