import Testing
@testable import SlopeCore

/// Which values the analysis reads for an objective with failed and pruned trials.
@Suite struct ObjectiveTargetTests {
    /// Completed 1…10 (minimised; the loosest goal level 0.5 has threshold 5); pruned trials
    /// whose last report is worse than 5 rank below every completed one, the further (step)
    /// first, then the better report; one whose report reaches 5 is left out; a failed trial
    /// takes the worst value of all.
    @Test func prunedTrialsRankBelowTheCompletedOnes() {
        let values: [Double?] = [3, nil, 1, nil, 2, 4, nil, 5, 6, nil, 7, 8, 9, 10, nil]
        let stopped: [StoppedEarly?] = [nil, StoppedEarly(step: 3, value: 9), nil, StoppedEarly(step: 7, value: 12), nil, nil,
                                        StoppedEarly(step: 3, value: 8), nil, nil, StoppedEarly(step: 2, value: 4.5), nil, nil, nil, nil, nil]
        let objective = TrialObjective(name: "error", direction: .minimize, values: values, stopped: stopped)
        let target = ObjectiveTarget(objective, missing: .worst, loosest: 0.5)
        #expect(target.prunedRanked == 3 && target.prunedLeftOut == 1 && target.imputed == 1)
        #expect(target.rows == [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14])  // row 9 left out
        let y = Dictionary(uniqueKeysWithValues: zip(target.rows, target.y))
        // Beyond 10, one range (9) apart: step 7 first, then step 3 with the better report (8 before 9).
        #expect(y[3] == 19 && y[6] == 28 && y[1] == 37)
        #expect(y[14] == 37)  // the failed trial: the worst value read
        // Dropping failed trials keeps the pruned ones.
        let dropped = ObjectiveTarget(objective, missing: .drop, loosest: 0.5)
        #expect(dropped.rows == [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13] && dropped.imputed == 0)
    }

    /// Maximised: below means smaller; without pruned trials the values are read as before
    /// (the worst value for a trial without one).
    @Test func maximisedAndWithoutPrunedTrials() {
        let values: [Double?] = [0.9, nil, 0.5, 0.7]
        let pruned = TrialObjective(name: "accuracy", direction: .maximize, values: values,
                                    stopped: [nil, StoppedEarly(step: 1, value: 0.2), nil, nil])
        let target = ObjectiveTarget(pruned, missing: .worst, loosest: 0.5)
        #expect(target.y == [0.9, 0.5 - 0.4, 0.5, 0.7] && target.prunedRanked == 1)
        let plain = ObjectiveTarget(TrialObjective(name: "accuracy", direction: .maximize, values: values), missing: .worst, loosest: 0.5)
        #expect(plain.y == [0.9, 0.5, 0.5, 0.7] && plain.imputed == 1 && plain.prunedRanked == 0)
    }
}
