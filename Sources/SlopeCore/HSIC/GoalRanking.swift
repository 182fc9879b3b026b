/// The objective's side of goal-level evidence on one set of rows (docs/method.md,
/// "Goal-level evidence"): the rows ranked best first, and where each component reads that
/// ranking. Every component is a function of the ranking alone, so a permutation of the
/// objective is a permutation of the ranked rows.
struct GoalRanking: Sendable {
    /// The rows (0..<m) best first; tied values in row order.
    let order: [Int]
    let components: [EvidenceComponent]
    /// Per component: the rows in its goal set (nil for `.ranked`, or where the goal set
    /// holds every row, which leaves nothing to split).
    let goalCounts: [Int?]
    /// Per component: the goal threshold q on these rows (nil for `.ranked`).
    let thresholds: [Double?]
    /// The k (1 ≤ k < m) where the k-th and the (k + 1)-th best values differ: the goal sets
    /// that `.ranked` averages over.
    let cutoffs: [Int]
    /// How many prefix norms the statistics read.
    let reach: Int
    /// k (m − k) for each cutoff k: the ranking's variance scales, once.
    private let cutoffScales: [Double]

    /// - Parameter y: the objective on the rows.
    /// - Complexity: O(m log m).
    init(y: [Double], direction: Direction, components: [EvidenceComponent]) {
        let m = y.count
        let order = y.indices.sorted { a, b in
            let (x, z) = (direction.loss(y[a]), direction.loss(y[b]))
            return x != z ? x < z : a < b
        }
        self.order = order
        self.components = components
        var counts: [Int?] = [], thresholds: [Double?] = []
        for component in components {
            guard case .goal(let fraction) = component, m > 0 else {
                counts.append(nil)
                thresholds.append(nil)
                continue
            }
            let goal = Goal(boundary: .quantile(fraction), direction: direction)
            let q = goal.threshold(for: y)
            let inside = y.filter { goal.distance($0, threshold: q) == 0 }.count
            counts.append(inside < m ? inside : nil)
            thresholds.append(q)
        }
        goalCounts = counts
        self.thresholds = thresholds
        cutoffs = m < 2 ? [] : (1..<m).filter { y[order[$0 - 1]] != y[order[$0]] }
        cutoffScales = cutoffs.map { k in Double(k) * (Double(m) - Double(k)) }
        let ranked = components.contains(.ranked) ? (cutoffs.last ?? 0) : 0
        reach = max(ranked, counts.compactMap { $0 }.max() ?? 0)
    }

    /// Whether component `c` is defined on these rows.
    func defines(_ c: Int) -> Bool {
        components[c] == .ranked ? !cutoffs.isEmpty : goalCounts[c] != nil
    }

    /// HSIC_V of each component from the prefix norms ‖Fᵀz_k‖² (`norms[k − 1]`, k ≤ reach);
    /// nil where a component is not defined.
    /// - A goal level: 2‖Fᵀz‖²/m², target HSIC with the Kronecker kernel on the indicator.
    /// - `.ranked`: (1/|C|) Σ_{k ∈ C} ‖Fᵀz_k‖² / (k (m − k)), target HSIC averaged over every
    ///   goal set C of the ranking, each indicator scaled to unit variance.
    /// - Complexity: O(components + |C|).
    func statistics(_ norms: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let m = Double(order.count)
        for c in components.indices {
            if components[c] == .ranked {
                var sum = 0.0
                for (k, scale) in zip(cutoffs, cutoffScales) { sum += norms[k - 1] / scale }
                out[c] = cutoffs.isEmpty ? .nan : sum / Double(cutoffs.count)
            } else if let count = goalCounts[c] {
                out[c] = 2 * norms[count - 1] / (m * m)
            } else {
                out[c] = .nan
            }
        }
    }

    /// HSIC_V(L, L) of component `c`'s output kernel, the second factor of R2-HSIC.
    /// - Complexity: O(1) for a goal level, O(|C|²) for `.ranked`.
    func selfValue(_ c: Int) -> Double {
        let m = Double(order.count)
        if components[c] == .ranked {
            let v = cutoffs.map { k in Double(k) / m * (1 - Double(k) / m) }
            var sum = 0.0
            for (a, k) in cutoffs.enumerated() {
                for (b, j) in cutoffs.enumerated() {
                    let inner = Double(min(k, j)) - Double(k) * Double(j) / m
                    sum += inner * inner / (v[a] * v[b])
                }
            }
            let size = Double(cutoffs.count)
            return sum / (size * size * m * m)
        }
        guard let count = goalCounts[c] else { return 0 }
        let spread = Double(count) * (m - Double(count)) / m
        return 4 * spread * spread / (m * m)
    }

    /// Which rows are in component `c`'s goal set.
    func inGoal(_ c: Int) -> [Bool] {
        var inside = [Bool](repeating: false, count: order.count)
        for k in 0..<(goalCounts[c] ?? 0) { inside[order[k]] = true }
        return inside
    }
}
