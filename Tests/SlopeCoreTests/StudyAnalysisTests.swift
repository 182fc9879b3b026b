import Foundation
import Testing
@testable import SlopeCore
import SlopeOutput

/// The hyperparameter analysis on synthetic studies whose answer is known.
@Suite struct StudyAnalysisTests {
    /// 200 trials: the error depends strongly on lr (best near 0.01), weakly on width, not at
    /// all on dummy, and on a and b only jointly (good when they share a sign). Memory
    /// grows with width.
    static func synthetic(trials n: Int = 200, seed: UInt64 = 1) -> TrialTable {
        var g = SeededGenerator(seed: seed)
        var lr: [Double?] = [], width: [Double?] = [], dummy: [Double?] = [], a: [Double?] = [], b: [Double?] = []
        var error: [Double?] = [], memory: [Double?] = []
        for _ in 0..<n {
            let l = -4 + 4 * g.nextUnit(), w = Double(16 + g.nextInt(below: 497))
            let x = 2 * g.nextUnit() - 1, z = 2 * g.nextUnit() - 1
            lr.append(l * log(10)); width.append(w); dummy.append(g.nextUnit()); a.append(x); b.append(z)
            error.append((l + 2) * (l + 2) + 0.8 * w / 512 + (x * z > 0 ? 0 : 1.5) + 0.1 * g.nextNormal())
            memory.append(w * 1e5 + 1e6 * g.nextUnit())
        }
        return TrialTable(source: "synthetic", parameters: [
            HSICInput(name: "lr", kind: .log, values: .real(lr)),
            HSICInput(name: "width", kind: .integer, values: .real(width)),
            HSICInput(name: "dummy", kind: .continuous, values: .real(dummy)),
            HSICInput(name: "a", kind: .continuous, values: .real(a)),
            HSICInput(name: "b", kind: .continuous, values: .real(b)),
        ], objectives: [
            TrialObjective(name: "error", direction: .minimize, values: error),
            TrialObjective(name: "memory", direction: .minimize, values: memory),
        ], labels: (1...n).map(String.init))
    }

    private func options() -> StudyAnalysisOptions {
        var options = StudyAnalysisOptions()
        options.useGoal(0.2)
        options.pairs = true
        options.bootstrap = 0
        return options
    }

    @Test func rankingAndSignificanceComeOutRight() throws {
        let analysis = try StudyAnalysis.run(Self.synthetic(), options: options())
        let error = analysis.objectives[0]
        let evidence = try #require(error.evidence)
        let p = Dictionary(uniqueKeysWithValues: evidence.parameters.map { ($0.name, $0.pValue!) })
        let r2 = Dictionary(uniqueKeysWithValues: evidence.parameters.map { ($0.name, $0.components[0].r2HSIC!) })
        #expect(evidence.ranked.first?.name == "lr")
        #expect(p["lr"]! <= 0.01 && p["width"]! <= 0.05, "\(p)")
        #expect(p["dummy"]! > 0.05 && p["a"]! > 0.05 && p["b"]! > 0.05, "\(p)")
        #expect(r2["lr"]! > r2["width"]! && r2["width"]! > r2["dummy"]!)
        let pair = try #require(error.pairs.first { $0.first == "a" && $0.second == "b" })
        #expect(pair.index.pValue! <= 0.01 && pair.interaction.pValue! <= 0.01)
        #expect(pair.index.hsic! > 2 * pair.marginalSum!)
        // Beyond their members, only a and b interact.
        let interacting = error.pairs.filter { ($0.interaction.pValue ?? 1) <= 0.05 }.map { "\($0.first)×\($0.second)" }
        #expect(interacting == ["a×b"], "\(interacting)")
        // Memory: width alone.
        #expect(analysis.objectives[1].significant(at: 0.05) == ["width"])
        #expect(StudySummary.sentences(analysis)[0].hasPrefix("lr and width decide error; width decides memory; dummy, a and b matter for neither"), "\(StudySummary.sentences(analysis))")
    }

    @Test func widthTradesErrorAndAccuracyAgainstMemory() throws {
        // Here a larger width lowers the error but raises the memory.
        var g = SeededGenerator(seed: 5)
        let w = (0..<150).map { _ in Double(16 + g.nextInt(below: 497)) }
        let d = (0..<150).map { _ in g.nextUnit() }
        let table = TrialTable(source: "t", parameters: [
            HSICInput(name: "width", kind: .integer, values: .real(w)),
            HSICInput(name: "depth", kind: .continuous, values: .real(d)),
        ], objectives: [
            TrialObjective(name: "error", direction: .minimize, values: w.map { 1 / $0 + 0.001 * g.nextNormal() }),
            TrialObjective(name: "accuracy", direction: .maximize, values: w.map { 1 - 1 / $0 + 0.001 * g.nextNormal() }),
            TrialObjective(name: "memory", direction: .minimize, values: w.map { $0 + 10 * g.nextUnit() }),
        ], labels: (1...150).map(String.init))
        var options = StudyAnalysisOptions()
        options.permutations = 100
        options.bootstrap = 0
        let analysis = try StudyAnalysis.run(table, options: options)
        #expect(analysis.tradeOffs.map { "\($0.parameter):\($0.improves)>\($0.worsens)" } == ["width:error>memory", "width:accuracy>memory"])
        // A larger width lowers the error (ρ < 0), raises the accuracy and the memory (ρ > 0).
        #expect(analysis.tradeOffs[0].rhoImproves < -0.85 && analysis.tradeOffs[0].rhoWorsens > 0.95)
        #expect(analysis.tradeOffs[1].rhoImproves > 0.85)
        #expect(StudySummary.sentences(analysis).contains("width trades error against memory: a larger width improves error (ρ = -0.90) and worsens memory (ρ = +1.00)."), "\(StudySummary.sentences(analysis))")
    }

    /// The report's shares (issue 26, item 2): an objective that is exactly width / 100 is
    /// decided by width alone, however large a conditional hyperparameter's estimate on its
    /// 8 active trials of 30; shares go to what is shown to matter, weighted by active trials.
    @Test func sharesGoToWhatIsShownToMatterWeightedByActiveTrials() throws {
        var g = SeededGenerator(seed: 12)
        let width = (0..<30).map { _ in Double(16 + g.nextInt(below: 497)) }
        let momentum: [Double?] = (0..<30).map { k in k % 30 < 8 ? g.nextUnit() : nil }
        let lr = (0..<30).map { _ in g.nextUnit() }
        let table = TrialTable(source: "t", parameters: [
            HSICInput(name: "width", kind: .integer, values: .real(width)),
            HSICInput(name: "momentum", kind: .continuous, values: .real(momentum)),
            HSICInput(name: "lr", kind: .continuous, values: .real(lr)),
        ], objectives: [TrialObjective(name: "error", direction: .minimize, values: width.map { $0 / 100 })],
           labels: (1...30).map(String.init))
        var options = StudyAnalysisOptions()
        options.permutations = 199
        options.bootstrap = 0
        let o = try #require(try StudyAnalysis.run(table, options: options).objectives.first)
        let evidence = try #require(o.evidence)
        let shares = o.shares(alpha: 0.05)
        let names = evidence.parameters.map(\.name)
        let share = Dictionary(uniqueKeysWithValues: zip(names, shares)).compactMapValues { $0 }
        #expect(share["width"] == 1, "\(share)")
        #expect(share["momentum"] == 0 && share["lr"] == 0, "\(share)")
        // The weights by hand: max(0, HSIC) x active / trials, among the significant ones.
        let component = try #require(o.shareComponent)
        let k = try #require(evidence.components.firstIndex(of: component))
        let weights = evidence.parameters.map { p in (p.pValue ?? 1) <= 0.05 ? max(0, p.component(k)?.hsic ?? 0) * Double(p.rows) / 30 : 0 }
        for (s, w) in zip(shares, weights) { #expect(abs((s ?? 0) - w / weights.reduce(0, +)) < 1e-12) }
        // Nothing shown to matter: no shares.
        #expect(o.shares(alpha: 1e-12).isEmpty)
    }

    @Test func aConditionalParameterIsAnalysedOnItsActiveTrialsOnly() throws {
        var g = SeededGenerator(seed: 9)
        var optimizer: [Int?] = [], momentum: [Double?] = [], lr: [Double?] = [], error: [Double?] = []
        for _ in 0..<240 {
            let sgd = g.nextInt(below: 2) == 0
            let m = g.nextUnit(), l = g.nextUnit()
            optimizer.append(sgd ? 0 : 1)
            momentum.append(sgd ? m : nil)
            lr.append(l)
            // momentum matters where it exists; adam trials are all mediocre.
            error.append(sgd ? 4 * (m - 0.9) * (m - 0.9) + 0.05 * g.nextNormal() : 0.5 + 0.05 * g.nextNormal())
        }
        let table = TrialTable(source: "t", parameters: [
            HSICInput(name: "optimizer", kind: .categorical, values: .levels(optimizer, names: ["sgd", "adam"])),
            HSICInput(name: "momentum", kind: .continuous, values: .real(momentum)),
            HSICInput(name: "lr", kind: .continuous, values: .real(lr)),
        ], objectives: [TrialObjective(name: "error", direction: .minimize, values: error)], labels: (1...240).map(String.init))
        var options = StudyAnalysisOptions()
        options.bootstrap = 0
        let analysis = try StudyAnalysis.run(table, options: options)
        let evidence = try #require(analysis.objectives[0].evidence)
        let momentumIndex = try #require(evidence.parameters.first { $0.name == "momentum" })
        #expect(momentumIndex.rows == momentum.compactMap { $0 }.count)
        #expect(momentumIndex.pValue! <= 0.01)
        #expect(evidence.parameters.first { $0.name == "lr" }!.pValue! > 0.05)
        #expect(StudySummary.sentences(analysis)[0] == "momentum and optimizer decide error; lr does not matter (p > 0.05).", "\(StudySummary.sentences(analysis))")
        #expect(analysis.parameters.map(\.activeTrials) == [240, momentumIndex.rows, 240])
    }

    @Test func failedTrialsCountAsWorstOrAreDropped() throws {
        // The trials with lr above 0 all failed: dropping them hides lr's effect.
        var g = SeededGenerator(seed: 3)
        let lr = (0..<120).map { _ in 2 * g.nextUnit() - 1 }
        let error = lr.map { $0 > 0 ? nil : 1 + 0.1 * g.nextNormal() } as [Double?]
        let table = TrialTable(source: "t", parameters: [HSICInput(name: "lr", kind: .continuous, values: .real(lr))],
                               objectives: [TrialObjective(name: "error", direction: .minimize, values: error)],
                               labels: (1...120).map(String.init))
        var options = StudyAnalysisOptions()
        options.bootstrap = 0
        options.useGoal(0.3)
        let worst = try StudyAnalysis.run(table, options: options).objectives[0]
        #expect(worst.rows == 120 && worst.imputed == lr.filter { $0 > 0 }.count)
        #expect(worst.evidence!.parameters[0].pValue! <= 0.01)
        options.missing = .drop
        let dropped = try StudyAnalysis.run(table, options: options).objectives[0]
        #expect(dropped.rows == 120 - worst.imputed && dropped.imputed == 0)
        #expect(dropped.evidence!.parameters[0].pValue! > 0.05)
    }

    @Test func aParameterWithOneValueIsReportedAndSkipped() throws {
        let table = TrialTable(source: "t", parameters: [
            HSICInput(name: "fixed", kind: .continuous, values: .real(Array(repeating: 3, count: 50))),
            HSICInput(name: "x", kind: .continuous, values: .real((0..<50).map { Double($0) })),
        ], objectives: [TrialObjective(name: "y", direction: .minimize, values: (0..<50).map { Double($0 % 7) })],
           labels: (1...50).map(String.init))
        var options = StudyAnalysisOptions()
        options.permutations = 50
        options.bootstrap = 0
        let index = try #require(try StudyAnalysis.run(table, options: options).objectives[0].evidence?.parameters[0])
        #expect(index.pCombined == nil && index.components.isEmpty && index.note == "constant on its rows")
    }

    @Test func aSmallGoalSetIsFlaggedWithTheFractionThatGivesTen() throws {
        var options = StudyAnalysisOptions()
        options.permutations = 50
        options.bootstrap = 0
        options.useGoal(0.02)  // 200 trials: the goal set holds ⌊0.02 · 199⌋ + 1 = 4
        let small = try StudyAnalysis.run(Self.synthetic(), options: options)
        let flag = try #require(small.objectives[0].smallGoal)
        #expect(flag.count == 4 && flag.fraction == 0.05)  // 9 / 199 = 0.0452…, rounded up
        options.useGoal(flag.fraction)
        let enough = try StudyAnalysis.run(Self.synthetic(), options: options)
        #expect(enough.objectives[0].smallGoal == nil && (enough.objectives[0].evidence?.goalCounts[0] ?? 0) >= 10)
    }

    @Test func eachObjectivesPValuesAreAdjustedAsOneFamily() throws {
        var options = StudyAnalysisOptions()
        options.permutations = 200
        options.bootstrap = 0
        options.pairs = true
        options.adjust = .none
        let raw = try StudyAnalysis.run(Self.synthetic(), options: options)
        options.adjust = .bh
        let bh = try StudyAnalysis.run(Self.synthetic(), options: options)
        for (r, a) in zip(raw.objectives, bh.objectives) {
            let rawEvidence = try #require(r.evidence), evidence = try #require(a.evidence)
            #expect(rawEvidence.parameters.allSatisfy { $0.pAdjusted == nil })
            #expect(r.pairs.allSatisfy { $0.interaction.pAdjusted == nil })
            // Two families: the hyperparameters, and the pairs' interactions.
            for (family, got) in [(evidence.parameters.map(\.pCombined), evidence.parameters.map(\.pAdjusted)),
                                  (a.pairs.map(\.interaction.rawPValue), a.pairs.map(\.interaction.pAdjusted))] {
                #expect(got.compactMap { $0 } == PValueAdjustment.bh.adjust(family.compactMap { $0 }))
            }
            #expect(Set(a.significant(at: 0.05)).isSubset(of: Set(r.significant(at: 0.05))))
        }
    }

    /// An objective without a value on any trial, or constant, is not analysed, and no
    /// hyperparameter is then said not to matter: nothing was tested.
    @Test func nothingTestedMeansNoConclusion() throws {
        let x = (0..<20).map { Double($0) as Double? }
        for values in [[Double?](repeating: nil, count: 20), [Double?](repeating: 3, count: 20)] {
            let table = TrialTable(source: "t", parameters: [.numbers(name: "a", values: x)],
                                   objectives: [TrialObjective(name: "y", direction: .minimize, values: values)],
                                   labels: (1...20).map(String.init))
            var options = StudyAnalysisOptions()
            options.permutations = 20
            let analysis = try StudyAnalysis.run(table, options: options)
            #expect(analysis.objectives[0].evidence == nil)
            let note = try #require(analysis.objectives[0].note)
            #expect(note.contains(values[0] == nil ? "no trial has a value for y" : "constant"), "\(note)")
            let sentences = StudySummary.sentences(analysis)
            #expect(!sentences.contains { $0.contains("matter") }, "\(sentences)")
            #expect(sentences.contains { $0.hasPrefix("y could not be analysed") })
        }
    }
}
