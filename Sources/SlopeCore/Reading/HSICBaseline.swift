/// HSIC of every feature with the target: the non-linear baseline next to Spearman
/// and Pearson (V-statistic, Gaussian kernels with the std bandwidth, gamma p-value).
///
/// HSIC costs O(N²) per feature, so above `maximumRows` rows it is measured on a seeded
/// random subset of that many rows (the same for every feature). The features are measured in
/// parallel with their kernel entries formed on the fly (`StreamedHSIC`): no Gram matrix but
/// the target's is held.
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
    /// - Complexity: O(n · min(N, 2000)²) time; O(min(N, 2000)²) memory for the target's
    ///   Gram matrix and O(min(N, 2000)) per core.
    public static func indices(_ design: Design) -> [HSICIndex] {
        let rows = rows(design.rowCount)
        let output = rows.map { design.target[$0] }
        guard Set(output).count > 1 else {
            return design.featureNames.map { HSICIndex(name: $0, rows: rows.count, note: "the target is constant") }
        }
        return StreamedHSIC.indices(
            inputs: design.featureNames.indices.map { i in (design.featureNames[i], rows.map { design.x[$0 * design.featureCount + i] }) },
            output: output)
    }
}
