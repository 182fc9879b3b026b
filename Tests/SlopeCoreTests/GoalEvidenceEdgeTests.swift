import Foundation
import Testing
@testable import SlopeCore

/// Goal-level evidence where there is little or nothing to measure.
@Suite struct GoalEvidenceEdgeTests {
    /// A conditional hyperparameter active on no trial, or on one, is skipped with a note;
    /// the others are measured.
    @Test func inputsActiveOnNoOrOneRowAreSkipped() {
        let y = (0..<30).map { Double($0 % 11) }
        let sample = HSICSample(source: "t", outputName: "y", output: y, inputs: [
            .numbers(name: "never", values: y.map { _ in nil }),
            .numbers(name: "once", values: y.indices.map { $0 == 3 ? 1.0 : nil }),
            .numbers(name: "x", values: y.map { $0 + 0.5 }),
        ])
        let settings = GoalEvidence.Settings(components: [.goal(0.1), .goal(0.25), .goal(0.5), .ranked],
                                             permutations: 50, bootstrap: 5, seed: 1)
        let evidence = GoalEvidence.measure(sample, direction: .minimize, settings: settings, progress: nil)
        #expect(evidence.parameters[0].note == "0 active rows; at least 2 are needed" && evidence.parameters[0].pCombined == nil)
        #expect(evidence.parameters[1].note == "1 active rows; at least 2 are needed")
        #expect(evidence.parameters[2].pCombined! <= 0.05 && evidence.ranked.first?.name == "x")
    }

    /// A goal level whose set would hold every trial (most trials tied at the worst value) is
    /// left out of the combination; the others still decide.
    @Test func aGoalSetHoldingEveryRowIsLeftOut() throws {
        var g = SeededGenerator(seed: 4)
        let x = (0..<60).map { _ in g.nextUnit() }
        // 40 of 60 failed (worst value): the 0.5 level's threshold is the worst value.
        let y = x.enumerated().map { k, v in k < 20 ? v : 10 }
        let sample = HSICSample(source: "t", outputName: "y", output: y, inputs: [.numbers(name: "x", values: x)])
        let settings = GoalEvidence.Settings(components: [.goal(0.1), .goal(0.5), .ranked], permutations: 200, bootstrap: 0, seed: 2)
        let evidence = GoalEvidence.measure(sample, direction: .minimize, settings: settings, progress: nil)
        #expect(evidence.goalCounts == [6, nil, nil])
        let p = evidence.parameters[0]
        #expect(p.components[1].hsic == nil && p.components[1].pPermutation == nil)
        #expect(p.components[0].pPermutation != nil && p.components[2].pPermutation != nil && p.pCombined != nil)
    }
}
