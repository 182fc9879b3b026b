/// Ranks with ties sharing their average rank (1-based), as SciPy's `rankdata("average")`.
public enum Ranks {
    /// The average ranks of finite `values`; −0 and +0 tie.
    /// - Complexity: O(m) time and memory for m values: a least-significant-digit radix sort
    ///   on order-preserving 64-bit keys (`RadixSort`), no comparison sort.
    public static func average(_ values: [Double]) -> [Double] {
        let m = values.count
        var keys = values.map(orderKey)
        var order = Array(0..<m)
        RadixSort.sort(&keys, carrying: &order)
        var ranks = [Double](repeating: 0, count: m)
        var start = 0
        while start < m {
            var end = start + 1
            while end < m && keys[end] == keys[start] { end += 1 }
            let rank = Double(start + end + 1) / 2  // mean of start+1 ... end
            for k in start..<end { ranks[order[k]] = rank }
            start = end
        }
        return ranks
    }

    /// A key whose unsigned order is the numeric order of finite doubles: negative numbers
    /// have every bit flipped, the others only the sign bit; −0 is read as +0.
    static func orderKey(_ x: Double) -> UInt64 {
        let bits = (x == 0 ? 0.0 : x).bitPattern, sign: UInt64 = 1 << 63
        return bits & sign != 0 ? ~bits : bits | sign
    }
}
