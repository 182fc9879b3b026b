/// The median of a sample.
public enum Median {
    /// The middle value, or the mean of the two middle values; `nil` for an empty sample.
    /// - Complexity: O(m log m).
    public static func of(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
