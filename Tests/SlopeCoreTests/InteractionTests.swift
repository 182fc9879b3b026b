import Foundation
import Testing
@testable import SlopeCore

/// The pair test "no interaction beyond the two members" (issue 16, item 6).
@Suite struct InteractionTests {
    /// error = [a > ½ xor b > ½] + c + d + 0.2 noise over 200 trials: a and b interact, c and d
    /// add up, and a threshold of the error (the goal set) would make every pair look joint.
    private static func trials(seed: UInt64) -> HSICSample {
        var g = SeededGenerator(seed: seed)
        let x = (0..<4).map { _ in (0..<200).map { _ in g.nextUnit() } }
        let error = (0..<200).map { k in
            ((x[0][k] > 0.5) != (x[1][k] > 0.5) ? 1.0 : 0) + x[2][k] + x[3][k] + 0.2 * g.nextNormal()
        }
        let inputs = zip(["a", "b", "c", "d"], x).map { HSICInput(name: $0, kind: .continuous, values: .real($1)) }
        return HSICSample(source: "xor", outputName: "error", output: error, inputs: inputs)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func theXorPairInteractsTheAdditiveOnesDoNot(_ seed: UInt64) throws {
        var options = HSICOptions()
        options.pairs = true
        options.permutations = 199
        options.measure = .target(Goal(boundary: .quantile(0.2)))
        var analysis = try HSICAnalysis.run(Self.trials(seed: seed), options: options)
        analysis.adjust(by: .bh)
        let p = Dictionary(uniqueKeysWithValues: analysis.pairs.map { ("\($0.first)\($0.second)", $0.interaction.pValue ?? 1) })
        #expect(p["ab"]! <= 0.05, "\(p)")
        for pair in ["ac", "ad", "bc", "bd", "cd"] { #expect(p[pair]! > 0.05, "\(pair): \(p)") }
        // The old joint test flags the additive pair c, d: it asks whether the pair matters.
        let joint = analysis.pairs.first { $0.first == "c" && $0.second == "d" }?.index.rawPValue ?? 1
        #expect(joint <= 0.05)
    }

    /// A pair whose member takes one value where both are active (a conditional
    /// hyperparameter and its parent) says which member (issue 26, item 11).
    @Test func aPairNoteNamesTheConstantMember() throws {
        var g = SeededGenerator(seed: 9)
        let n = 60
        let optimizer = (0..<n).map { $0 < 30 ? 0 : 1 }
        let momentum: [Double?] = (0..<n).map { $0 < 30 ? g.nextUnit() : nil }
        let lr = (0..<n).map { _ in g.nextUnit() }
        let y = (0..<n).map { k in lr[k] + Double(optimizer[k]) + (momentum[k] ?? 0) }
        let inputs = [HSICInput(name: "optimizer", kind: .categorical, values: .levels(optimizer, names: ["sgd", "adam"])),
                      HSICInput(name: "momentum", kind: .continuous, values: .real(momentum)),
                      HSICInput(name: "lr", kind: .continuous, values: .real(lr))]
        var options = HSICOptions()
        options.pairs = true
        options.permutations = 0
        let analysis = try HSICAnalysis.run(HSICSample(source: "c", outputName: "y", output: y, inputs: inputs), options: options)
        let pair = try #require(analysis.pairs.first { $0.first == "optimizer" && $0.second == "momentum" })
        #expect(pair.index.note == "optimizer takes one value on the rows where both are active", "\(pair.index.note ?? "nil")")
        #expect(analysis.pairs.first { $0.first == "optimizer" && $0.second == "lr" }?.index.note == nil)
    }

    /// An additive output leaves a residual free of both inputs: with no noise, a line in a
    /// and a curve in b are fitted to well under their size, ends included.
    @Test func anAdditiveOutputLeavesLittle() {
        var g = SeededGenerator(seed: 4)
        let a = (0..<150).map { _ in g.nextUnit() }, b = (0..<150).map { _ in g.nextUnit() }
        let y = zip(a, b).map { 3 * $0 + sin(3 * $1) }
        let r = AdditiveResidual.residual(y, a, b)
        let spread = y.max()! - y.min()!
        #expect(r.map(abs).max()! < 0.05 * spread, "\(r.map(abs).max()!)")
    }
}
