import Foundation
import Testing
import SlopeCore
@testable import SlopeStudy

/// Log-scale integers (`q_log_uniform_values` with q: 1; issue 27, item 7): a batch size or a
/// width drawn, proposed and analysed on the log axis, as whole numbers.
@Suite struct LogIntTests {
    static let text = """
        name: logint
        trials: 400
        seed: 4
        sampler: random
        objectives: {error: minimize}
        command: ./t.sh {args}
        parameters:
          batch_size: {distribution: q_log_uniform_values, min: 8, max: 1024, q: 1}
          lr: {distribution: uniform, min: 0, max: 1}
        """

    /// Each integer k has the prior share log((k + ½) / (k − ½)): the median of many draws lies
    /// near the geometric mean (≈ 91 for 8 ... 1024, not the arithmetic 516), every draw a
    /// whole number in range, and the spec writes back to itself.
    @Test func drawsAreWholeNumbersSpreadOnTheLogAxis() throws {
        let spec = try SpecReader.parse(Self.text, file: "s.yaml", folder: "/tmp")
        let draws = spec.plan().compactMap { t -> Int? in
            if case let .integer(k)? = t.parameters["batch_size"] { return k }
            return nil
        }
        #expect(draws.count == 400 && draws.allSatisfy { (8...1024).contains($0) })
        let median = draws.sorted()[200]
        #expect((60...140).contains(median), "median \(median)")
        // Probability of the ends by the formula: P(8) = log(8.5/7.5)/log(1024.5/7.5).
        let share8 = log(8.5 / 7.5) / log(1024.5 / 7.5)
        let count8 = Double(draws.filter { $0 == 8 }.count)
        #expect(abs(count8 / 400 - share8) < 0.03, "\(count8 / 400) vs \(share8)")
        let written = SpecWriter.yaml(spec, comments: [])
        #expect(written.contains("distribution: q_log_uniform_values, min: 8, max: 1024, q: 1"))
        #expect(try SpecReader.parse(written, file: "w.yaml", folder: "/tmp").fingerprint() == spec.fingerprint())
    }

    /// TPE works on the log axis: with good trials at small batch sizes, its proposals gather
    /// there (in log space), and every proposal is a whole number in range.
    @Test func tpeProposesOnTheLogAxis() throws {
        let spec = try SpecReader.parse(Self.text.replacingOccurrences(of: "sampler: random", with: "sampler: tpe"),
                                        file: "s.yaml", folder: "/tmp")
        let sampler = TPESampler(space: spec.space, objectives: spec.objectives, settings: TPESettings())
        var history: [TrialObservation] = []
        var g = SeededGenerator(seed: 2)
        for id in 1...60 {
            let p = sampler.propose(seed: g.next(), history: history).parameters
            guard case let .integer(k)? = p["batch_size"] else { Issue.record("\(p)"); return }
            #expect((8...1024).contains(k))
            let error = abs(log(Double(k)) - log(16))  // best at 16
            history.append(TrialObservation(id: id, stage: 0, placement: .tpe, parameters: p, state: .done,
                                             metrics: TrialMetrics([("error", error)]), wallTime: nil, peakRSS: nil))
        }
        let late = history.suffix(20).compactMap { t -> Int? in if case let .integer(k)? = t.parameters["batch_size"] { return k } else { return nil } }
        #expect(late.filter { $0 <= 64 }.count >= 14, "\(late)")
        #expect(spec.space.parameters[0].domain.tpeValue(1e6) == .integer(1024) && spec.space.parameters[0].domain.tpeValue(-1e6) == .integer(8))
    }

    /// The analysis reads them on a log scale.
    @Test func analysisReadsThemOnALogScale() throws {
        let spec = try SpecReader.parse(Self.text, file: "s.yaml", folder: "/tmp")
        let trials = spec.plan().prefix(50).map { t in
            TrialObservation(id: t.id, stage: 0, placement: t.placement, parameters: t.parameters, state: .done,
                             metrics: TrialMetrics([("error", 1)]), wallTime: nil, peakRSS: nil)
        }
        let table = try TrialTable(spec: spec, trials: trials, source: "s", columns: ColumnSelection())
        #expect(table.parameters.first { $0.name == "batch_size" }?.kind == .log)
    }
}
