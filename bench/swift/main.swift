import Foundation
import SlopeCore

/// slope-bench: the Swift side of bench/run. Times slope's own code on prepared inputs and
/// writes the inputs the reference programs (C, JAX) read, so every contender computes the
/// same thing on the same numbers.
///
///   slope-bench prepare CSV TARGET OUT.bin     scaled design + initial θ as float64
///   slope-bench history CSV TARGET EPOCHS RESTARTS [DUMP.bin]   time Trainer.train
///   slope-bench csv CSV                          time CSVReader.read
///   slope-bench ranks CSV TARGET                 time Spearman's ranks of every feature column, one core
///
/// Binary layout (little-endian): int64 N, int64 n, then N·n features (row-major), N targets,
/// n + 1 initial parameters (weights, bias; Xavier normal, seed 0).

func design(_ path: String, target: String) throws -> Design {
    try Design(table: try CSVReader().read(path: path), options: DesignOptions(target: target))
}

func initial(_ d: Design) -> [Double] {
    var g = SeededGenerator(seed: 0)
    return XavierNormal.parameters(features: d.featureCount, using: &g)
}

func write(_ values: [Double], header: [Int64], to path: String) throws {
    var data = Data()
    for h in header { withUnsafeBytes(of: h.littleEndian) { data.append(contentsOf: $0) } }
    values.withUnsafeBytes { data.append(contentsOf: $0) }
    try data.write(to: URL(fileURLWithPath: path))
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let args = CommandLine.arguments
do {
    switch args.count > 1 ? args[1] : "" {
    case "prepare" where args.count == 5:
        let d = try design(args[2], target: args[3])
        try write(d.x + d.target + initial(d), header: [Int64(d.rowCount), Int64(d.featureCount)], to: args[4])
    case "history" where args.count >= 6:
        let d = try design(args[2], target: args[3])
        var options = TrainingOptions()
        options.epochs = Int(args[4])!
        options.restarts = Int(args[5])!
        let theta = initial(d)
        options.initial = InitialParameters(weights: Array(theta.dropLast()), bias: theta.last!)
        var histories: [History] = []
        let time = try seconds { histories = try Trainer.train(d, options: options) }
        if args.count > 6 {
            // Restart 0, epoch-major: loss, then d1, d2, d3, d2_tape, d3_tape for every parameter.
            let h = histories[0], p = h.parameterCount
            let rows = (0..<h.epochCount).flatMap { e in
                [h.loss[e]] + [Quantity.d1, .d2, .d3, .d2Tape, .d3Tape].flatMap { q in (0..<p).map { h.value(q, parameter: $0, epoch: e) } }
            }
            try write(rows, header: [Int64(h.epochCount), Int64(p)], to: args[6])
        }
        print("{\"seconds\": \(time), \"final_loss\": \(histories[0].loss.last!)}")
    case "csv" where args.count == 3:
        var table: Table?
        let time = try seconds { table = try CSVReader().read(path: args[2]) }
        print("{\"seconds\": \(time), \"rows\": \(table!.rowCount)}")
    case "ranks" where args.count == 4:
        let d = try design(args[2], target: args[3])
        let columns = (0..<d.featureCount).map { d.column($0) }
        var checksum = 0.0
        let time = seconds { for column in columns { checksum += Ranks.average(column)[0] } }
        print("{\"seconds\": \(time), \"checksum\": \(checksum)}")
    default:
        FileHandle.standardError.write(Data("usage: slope-bench prepare|history|csv|ranks ... (see bench/swift/main.swift)\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("slope-bench: \(error)\n".utf8))
    exit(2)
}
