import Testing
import SlopeCore

/// Non-dominated sorting against a brute-force peel.
@Suite struct ParetoFrontTests {
    /// Rank by repeatedly removing the points no remaining point dominates.
    static func peel(_ points: [[Double]]) -> [Int] {
        var rank = [Int](repeating: -1, count: points.count), level = 0
        while rank.contains(-1) {
            let left = points.indices.filter { rank[$0] == -1 }
            let front = left.filter { i in !left.contains { j in ParetoFront.dominate(points[j], points[i]) } }
            for i in front { rank[i] = level }
            level += 1
        }
        return rank
    }

    @Test(arguments: [1, 2, 3])
    func ranksMatchABruteForcePeel(_ objectives: Int) {
        var g = SeededGenerator(seed: UInt64(objectives))
        for n in [0, 1, 5, 60] {
            // Coarse values, so that ties and duplicates occur.
            let points = (0..<n).map { _ in (0..<objectives).map { _ in Double(g.nextInt(below: 6)) } }
            #expect(ParetoFront.ranks(points) == Self.peel(points), "\(points)")
        }
    }

    @Test func dominationIsStrictSomewhere() {
        #expect(ParetoFront.dominate([1, 2], [1, 3]))
        #expect(!ParetoFront.dominate([1, 2], [1, 2]))
        #expect(!ParetoFront.dominate([1, 3], [2, 2]))
    }

    @Test func crowdingKeepsTheExtremes() {
        let c = ParetoFront.crowding([[0, 4], [1, 2], [2, 1.5], [4, 0]])
        #expect(c[0] == .infinity && c[3] == .infinity)
        #expect(abs(c[1] - (2.0 / 4 + 2.5 / 4)) < 1e-15 && abs(c[2] - (3.0 / 4 + 2.0 / 4)) < 1e-15)
    }

    /// A table's front: maximised objectives negated, trials lacking a value left out.
    @Test func aTablesFrontHonoursDirectionsAndGaps() {
        let table = TrialTable(
            source: "t", parameters: [.numbers(name: "x", values: [1, 2, 3, 4, 5])],
            objectives: [TrialObjective(name: "error", direction: .minimize, values: [0.1, 0.2, 0.3, nil, 0.05]),
                         TrialObjective(name: "accuracy", direction: .maximize, values: [0.9, 0.95, 0.8, 1.0, 0.85])],
            labels: ["a", "b", "c", "d", "e"])
        // c is beaten by a on both; d has no error; a, b and e trade off.
        #expect(table.paretoFront([0, 1]) == ["a", "b", "e"])
        #expect(table.paretoFront([1]) == ["d"])
    }
}
