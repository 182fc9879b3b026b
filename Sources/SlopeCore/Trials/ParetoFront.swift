/// Non-dominated sorting of trials with several objectives (docs/method.md, "Pareto front").
/// A point dominates another when it is no worse in every objective and better in one; the
/// front (rank 0) is the points nothing dominates, rank 1 the front of the rest, and so on.
public enum ParetoFront {
    /// Each point's non-domination rank, every coordinate to be minimised (negate a maximised
    /// objective first).
    /// - Complexity: O(n² m) for n points of m coordinates.
    public static func ranks(_ points: [[Double]]) -> [Int] {
        let n = points.count
        var dominatedBy = [Int](repeating: 0, count: n), dominates = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                if dominate(points[i], points[j]) {
                    dominates[i].append(j); dominatedBy[j] += 1
                } else if dominate(points[j], points[i]) {
                    dominates[j].append(i); dominatedBy[i] += 1
                }
            }
        }
        var rank = [Int](repeating: 0, count: n)
        var current = (0..<n).filter { dominatedBy[$0] == 0 }, level = 0
        while !current.isEmpty {
            var next: [Int] = []
            for i in current {
                rank[i] = level
                for j in dominates[i] {
                    dominatedBy[j] -= 1
                    if dominatedBy[j] == 0 { next.append(j) }
                }
            }
            current = next
            level += 1
        }
        return rank
    }

    /// True when `a` dominates `b` (all coordinates minimised).
    public static func dominate(_ a: [Double], _ b: [Double]) -> Bool {
        var better = false
        for (x, y) in zip(a, b) {
            if x > y { return false }
            if x < y { better = true }
        }
        return better
    }

    /// NSGA-II's crowding distance of each point within its set: the sum over coordinates of
    /// the gap between its two neighbours, divided by the coordinate's range; infinite for
    /// the extremes. Larger means more isolated.
    /// - Complexity: O(m n log n).
    public static func crowding(_ points: [[Double]]) -> [Double] {
        let n = points.count, m = points.first?.count ?? 0
        var distance = [Double](repeating: 0, count: n)
        guard n > 2 else { return distance.map { _ in .infinity } }
        for d in 0..<m {
            let order = (0..<n).sorted { (points[$0][d], $0) < (points[$1][d], $1) }
            let range = points[order[n - 1]][d] - points[order[0]][d]
            distance[order[0]] = .infinity
            distance[order[n - 1]] = .infinity
            guard range > 0 else { continue }
            for k in 1..<(n - 1) {
                distance[order[k]] += (points[order[k + 1]][d] - points[order[k - 1]][d]) / range
            }
        }
        return distance
    }
}
