import Foundation
import Testing
@testable import SlopeCore

@Suite("Loss surface")
struct LandscapeTests {
    static func design() throws -> Design {
        var g = SeededGenerator(seed: 3)
        let rows = 50
        let a = (0..<rows).map { _ in g.nextUnit() }, b = (0..<rows).map { _ in g.nextUnit() }
        let y = zip(a, b).map { 0.7 * $0 - 0.4 * $1 + 0.05 * g.nextNormal() }
        let table = try Table(source: "t", columnNames: ["a", "b", "y"], columns: [a, b, y])
        return try Design(table: table, options: DesignOptions(target: "y", targetScaling: Activation.identity.targetScaling))
    }

    @Test("at alpha = beta = 0 the grid value is the loss of the trained parameters", arguments: [false, true])
    func center(_ pca: Bool) throws {
        let design = try Self.design()
        var training = TrainingOptions()
        training.epochs = 200
        training.restarts = 2
        let histories = try Trainer.train(design, options: training)
        let surface = LossSurface(loss: NetworkLoss(design: design, activation: .tanh, loss: .mse), histories: histories,
                                  directions: pca ? .pca : .random(seed: 4), grid: 11, span: 0.5)
        let middle = surface.loss[5 * 11 + 5]
        #expect(middle == surface.centerLoss)
        #expect(relativeError(middle, histories[0].loss.last!) < 1e-12)
        #expect(surface.paths.count == 2 && surface.paths[0].count == 200)
        // θ* itself projects to the origin.
        #expect(abs(surface.paths[0].last!.alpha) < 1e-12 && abs(surface.paths[0].last!.beta) < 1e-12)
    }

    @Test("identity activation and MSE: the grid matches the closed-form quadratic")
    func quadratic() throws {
        let design = try Self.design()
        var training = TrainingOptions()
        training.activation = .identity
        training.epochs = 100
        training.restarts = 1
        let histories = try Trainer.train(design, options: training)
        let surface = LossSurface(loss: NetworkLoss(design: design, activation: .identity, loss: .mse), histories: histories,
                                  directions: .axes(0, 1), grid: 7, span: 2)
        // L(θ* + aδ + bη) = mean (r + a u + b v)², r = θ*·x̃ − t, u = δ·x̃, v = η·x̃, x̃ = (x, 1).
        let n = design.featureCount
        func dot(_ theta: [Double], _ k: Int) -> Double {
            (0..<n).reduce(theta[n]) { $0 + theta[$1] * design.x[k * n + $1] }
        }
        var m = [Double](repeating: 0, count: 6)
        for k in 0..<design.rowCount {
            let r = dot(surface.center, k) - design.target[k]
            let u = dot(surface.delta, k)
            let v = dot(surface.eta, k)
            for (i, term) in [r * r, 2 * r * u, 2 * r * v, u * u, 2 * u * v, v * v].enumerated() { m[i] += term }
        }
        m = m.map { $0 / Double(design.rowCount) }
        for (j, b) in surface.coordinates.enumerated() {
            for (i, a) in surface.coordinates.enumerated() {
                let closed = m[0] + a * m[1] + b * m[2] + a * a * m[3] + a * b * m[4] + b * b * m[5]
                #expect(relativeError(surface.loss[j * 7 + i], closed) < 1e-12)
            }
        }
        // The axes plane moves only the two weights.
        #expect(surface.delta[1] == 0 && surface.delta[2] == 0 && surface.eta[0] == 0 && surface.eta[2] == 0)
    }

    @Test("random directions are scaled to the norm of theta* and seeded")
    func directions() {
        let center = [3.0, 4.0, 0.0]
        let (d, e) = PlaneDirections.random(seed: 9).vectors(center: center, trajectory: [center])
        #expect(abs(PlaneDirections.norm(d) - 5) < 1e-12 && abs(PlaneDirections.norm(e) - 5) < 1e-12)
        #expect(PlaneDirections.random(seed: 9).vectors(center: center, trajectory: [center]).0 == d)
    }
}

@Suite("IDX files and pixel masks")
struct ImageTests {
    static func idx(_ header: [UInt8], _ body: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("slope-\(UUID().uuidString).idx")
        try Data(header + body).write(to: url)
        return url.path
    }

    @Test("reads the header and data of a small idx3 file")
    func reads() throws {
        let path = try Self.idx([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3], Array(0..<12))
        let a = try IDXReader.read(path: path, dimensions: 3)
        #expect(a.dimensions == [2, 2, 3] && a.values == Array(0..<12))
    }

    @Test("corrupt files give one clear error", arguments: [
        ([0, 1, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1] as [UInt8], [0] as [UInt8], "magic number"),
        ([0, 0, 13, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0, 0], "type code 0x0d"),
        ([0, 0, 8, 1, 0, 0, 0, 1], [0], "1 dimension; 3 expected"),
        ([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2], [1, 2, 3], "(truncated)"),
        ([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1], [1, 2], "(trailing bytes)"),
        ([0, 0, 8, 3, 0, 0], [], "truncated IDX header"),
    ])
    func corrupt(_ header: [UInt8], _ body: [UInt8], _ message: String) throws {
        let path = try Self.idx(header, body)
        #expect {
            try IDXReader.read(path: path, dimensions: 3)
        } throws: { error in
            "\(error)".contains(message) && "\(error)".contains(path)
        }
    }

    @Test("the shipped digits: 1797 images of 8 x 8 with labels 0-9; tasks")
    func digits() throws {
        let set = try ImageSet.read(images: Paths.exampleData("digits-images.idx3-ubyte").path,
                                    labels: Paths.exampleData("digits-labels.idx1-ubyte").path)
        #expect(set.count == 1797 && set.width == 8 && set.height == 8 && Set(set.labels) == Set(0...9))
        let pair = try set.task(digits: [0, 1], subset: nil, seed: 0)
        #expect(pair.rowCount == set.labels.filter { $0 == 0 || $0 == 1 }.count)
        #expect(pair.columns.last!.filter { $0 == 1 }.count == set.labels.filter { $0 == 1 }.count)
        let rest = try set.task(digits: [3], subset: 100, seed: 0)
        #expect(rest.rowCount == 100 && rest.columnNames.count == 65)
        #expect(throws: SlopeError.self) { try set.task(digits: [1, 1], subset: nil, seed: 0) }
    }
}
