import Foundation
import Testing
@testable import SlopeCore

/// OpenTURNS 1.27 values on an Ishigami sample (Fixtures/hsic_ishigami.json).
struct HSICReference: Decodable {
    struct Block: Decodable {
        let hsic: [Double]
        let r2_hsic: [Double]
        let p_gamma: [Double]?
    }
    let n: Int
    let goal_count: Int
    let input_scales: [Double]
    let output_scale: Double
    let goal_alpha: Double
    let goal_threshold: Double
    let global_U, global_V, target_U, target_V, conditional_V: Block

    static func load() throws -> HSICReference {
        try JSONDecoder().decode(HSICReference.self, from: Data(contentsOf: Paths.fixture("hsic_ishigami.json")))
    }

    /// The Ishigami sample as an HSIC sample with three continuous inputs.
    static func sample() throws -> HSICSample {
        let table = try CSVReader().read(path: Paths.fixture("ishigami.csv").path)
        let y = table.columns[try table.index(of: "y")]
        let inputs = try ["x1", "x2", "x3"].map { name in
            HSICInput(name: name, kind: .continuous, values: .real(table.columns[try table.index(of: name)]))
        }
        return HSICSample(source: "ishigami.csv", outputName: "y", output: y, inputs: inputs)
    }
}

@Suite("HSIC against OpenTURNS on Ishigami")
struct HSICReferenceTests {
    static let cases: [(String, HSICEstimator, HSICMeasure)] = {
        let goal = Goal(boundary: .quantile(0.1))
        return [("global_U", .u, .global), ("global_V", .v, .global),
                ("target_U", .u, .target(goal)), ("target_V", .v, .target(goal)),
                ("conditional_V", .v, .conditional(goal))]
    }()

    @Test("indices, R2-HSIC and gamma p-values", arguments: 0..<5)
    func matches(_ c: Int) throws {
        let (name, estimator, measure) = Self.cases[c]
        let reference = try HSICReference.load()
        let block: HSICReference.Block = switch name {
        case "global_U": reference.global_U
        case "global_V": reference.global_V
        case "target_U": reference.target_U
        case "target_V": reference.target_V
        default: reference.conditional_V
        }
        var options = HSICOptions()
        options.estimator = estimator
        options.measure = measure
        options.permutations = 0
        let analysis = try HSICAnalysis.run(try HSICReference.sample(), options: options)
        for (i, index) in analysis.indices.enumerated() {
            #expect(relativeError(try #require(index.hsic), block.hsic[i]) <= 1e-6, "\(name) hsic x\(i + 1)")
            #expect(relativeError(try #require(index.r2HSIC), block.r2_hsic[i]) <= 1e-6, "\(name) r2 x\(i + 1)")
            if let p = block.p_gamma {
                #expect(relativeError(try #require(index.pGamma), p[i]) <= 1e-4, "\(name) p_gamma x\(i + 1)")
            } else {
                #expect(index.pGamma == nil)
            }
        }
        if let goal = measure.goal {
            // OpenTURNS reports its own interpolated quantile (between the 20th and 21st
            // smallest y); slope's lower quantile is the 20th. Both must pick the same rows.
            let y = try HSICReference.sample().output
            let atReference = Goal(boundary: .threshold(reference.goal_threshold)).weights(for: y)
            #expect(goal.weights(for: y) == atReference)
            #expect(analysis.goalCount == reference.goal_count)
        }
    }

    @Test("bandwidths: the std rule gives OpenTURNS's scales")
    func scales() throws {
        let reference = try HSICReference.load()
        let sample = try HSICReference.sample()
        for (input, expected) in zip(sample.inputs, reference.input_scales) {
            guard case .real(let v) = input.values else { Issue.record("not real"); continue }
            #expect(relativeError(Bandwidth.std.scale(for: v.map { $0! })!, expected) <= 1e-12)
        }
        #expect(relativeError(Bandwidth.std.scale(for: sample.output)!, reference.output_scale) <= 1e-12)
    }
}
