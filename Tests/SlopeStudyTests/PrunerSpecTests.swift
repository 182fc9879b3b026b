import SlopeCore
import Testing
@testable import SlopeStudy

/// `pruner:` in a spec: each kind with its own keys, in range, part of the study's identity
/// (but not its grace), written back as read.
@Suite struct PrunerSpecTests {
    func with(_ pruner: String) -> String { toySpec + "\npruner: \(pruner)\n" }

    @Test func eachKindReadsItsKeys() throws {
        let median = try #require(try parse(with("{kind: median, startup_trials: 3, warmup_steps: 2, grace: 1.5}")).pruner)
        #expect(median.kind == .median && median.startupTrials == 3 && median.warmupSteps == 2 && median.grace == 1.5)
        let asha = try #require(try parse(with("{kind: asha}")).pruner)
        #expect(asha.minStep == 1 && asha.reductionFactor == 4 && asha.grace == 5)
        let hyperband = try #require(try parse(with("{kind: hyperband, min_step: 2, max_step: 52}")).pruner)
        #expect(hyperband.minStep == 2 && hyperband.maxStep == 52 && hyperband.reductionFactor == 3)
        let threshold = try #require(try parse(with("{kind: threshold, upper: 10, warmup_steps: 1}")).pruner)
        #expect(threshold.upper == 10 && threshold.lower == nil && threshold.warmupSteps == 1)
    }

    @Test(arguments: [
        ("{startup_trials: 3}", "pruner.kind: give the pruner's kind: median, asha, hyperband, threshold"),
        ("{kind: threshold}", "pruner.upper: give upper:, lower: or both"),
        ("{kind: threshold, lower: 3, upper: 1}", "pruner.lower: 3.0 is above upper (1.0)"),
        ("{kind: threshold, upper: .inf}", "pruner.upper: expected a number"),
        ("{kind: threshold, upper: 1, min_step: 2}", "the threshold pruner does not read min_step (it reads: lower, upper, warmup_steps, grace)"),
        ("{kind: median, upper: 2}", "the median pruner does not read upper"),
        ("{kind: halving}", "unknown pruner"),
        ("{kind: median, min_step: 2}", "pruner.min_step: the median pruner does not read min_step (it reads: startup_trials, warmup_steps, grace)"),
        ("{kind: asha, warmup_steps: 2}", "the asha pruner does not read warmup_steps"),
        ("{kind: asha, patience: 2}", "pruner.patience: unknown key"),
        ("{kind: asha, reduction_factor: 1}", "pruner.reduction_factor: must be a whole number from 2"),
        ("{kind: asha, min_step: 0}", "pruner.min_step: must be a whole number from 1"),
        ("{kind: hyperband}", "pruner.max_step: give the most steps a trial runs"),
        ("{kind: hyperband, min_step: 10, max_step: 5}", "5 is below min_step (10)"),
        ("{kind: median, grace: 0}", "pruner.grace: must be a number of seconds in (0, 3600]"),
        ("{kind: median, startup_trials: -1}", "pruner.startup_trials: must be a whole number from 0"),
        ("median", "pruner: expected a mapping"),
    ])
    func badPrunersAreRefused(pruner: String, expected: String) {
        let message = specError(with(pruner)) ?? "parsed"
        #expect(message.contains(expected), "\(message)")
    }

    @Test func thePrunerIsPartOfTheIdentityButNotItsGrace() throws {
        let plain = try parse(toySpec).fingerprint()
        let median = try parse(with("{kind: median}")).fingerprint()
        #expect(!plain.contains("pruner") && median.contains("\"pruner\":{\"kind\":\"median\",\"startup_trials\":5,\"warmup_steps\":0}"))
        #expect(try parse(with("{kind: median, grace: 30}")).fingerprint() == median)
        #expect(try parse(with("{kind: median, warmup_steps: 1}")).fingerprint() != median)
    }

    @Test(arguments: ["{kind: median, startup_trials: 3, grace: 0.5}", "{kind: hyperband, min_step: 2, max_step: 81, reduction_factor: 3}",
                      "{kind: threshold, lower: 1e-07, upper: 2.5, warmup_steps: 3}", "{kind: threshold, upper: 100000000000000000000}"])
    func theWriterWritesItBack(pruner: String) throws {
        let spec = try parse(with(pruner))
        let again = try parse(SpecWriter.yaml(spec))
        #expect(again.pruner == spec.pruner)
        #expect(try again.fingerprint() == spec.fingerprint())
    }
}
