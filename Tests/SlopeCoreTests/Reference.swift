import Foundation
@testable import SlopeCore

/// A reference history file from Tests/SlopeCoreTests/Fixtures (JAX + SciPy values).
struct Reference: Decodable {
    struct Initial: Decodable { let weights: [Double]; let bias: Double }
    struct Epoch: Decodable {
        let epoch: Int
        let loss: Double
        let weights: [Double]
        let bias: Double
        let d1, d2, d3, d2_tape, d3_tape: [Double]
        let bias_d1, bias_d2, bias_d3, bias_d2_tape, bias_d3_tape: Double
    }
    struct Baselines: Decodable { let spearman, spearman_p, pearson, pearson_p: [Double] }

    let dataset: String
    let target: String
    let features: [String]
    let rows: Int
    let lr: Double
    let epochs: Int
    let initial: Initial
    let history: [Epoch]
    let trend_rho: [Double]
    let trend_rho_tape: [Double]

    enum CodingKeys: String, CodingKey {
        case dataset, target, features, rows, lr, epochs, initial = "init", history, trend_rho, trend_rho_tape, baselines
    }
    let baselines: Baselines

    static func load(_ name: String) throws -> Reference {
        let data = try Data(contentsOf: Paths.fixture("\(name).json"))
        return try JSONDecoder().decode(Reference.self, from: data)
    }

    /// The design of the reference: features min-max, target into [-1, 1].
    func design() throws -> Design {
        let table = try CSVReader().read(path: Paths.exampleData(dataset).path)
        return try Design(table: table, options: DesignOptions(target: target, features: features))
    }
}

enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = tests.deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ name: String) -> URL { tests.appendingPathComponent("Fixtures/\(name)") }
    static func exampleData(_ name: String) -> URL { root.appendingPathComponent("examples/data/\(name)") }
}

/// |a − b| / |b|, or |a| when b is 0.
func relativeError(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a) : abs(a - b) / abs(b)
}
