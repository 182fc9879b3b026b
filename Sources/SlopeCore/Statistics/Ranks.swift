/// Ranks with ties sharing their average rank (1-based), as SciPy's `rankdata("average")`.
public enum Ranks {
    /// - Complexity: O(m log m) for m values.
    public static func average(_ values: [Double]) -> [Double] {
        // Sorting (value, index) pairs reads contiguous memory; sorting indices by
        // `values[i]` jumps around and is several times slower on large columns.
        var order = values.enumerated().map { ($0.element, $0.offset) }
        order.sort { $0.0 < $1.0 }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && order[end].0 == order[start].0 { end += 1 }
            let rank = Double(start + end + 1) / 2  // mean of start+1 ... end
            for k in start..<end { ranks[order[k].1] = rank }
            start = end
        }
        return ranks
    }
}
