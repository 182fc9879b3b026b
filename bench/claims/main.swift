// The claim path's cost: claim latency and trials per second for a TPE study of 100, 1000 and
// 5000 trials whose trials cost nothing (each is finished the moment it is claimed, in
// process), with 1 and 4 workers (each its own connection), on SQLite and PostgreSQL. What
// it measures is the store and the proposal: `TrialClaimer.next` (the head, the history's
// changed rows, TPE outside any transaction, the compare-and-set) and `finish`.
//
//   swift run -c release slope-claim-bench [POSTGRES_URL] [--trials 100,1000,5000] [--workers 1,4] [--shared]
//
// --shared: the workers are the job slots of one process (one connection, one TrialClaimer, as
// `study run --jobs N` runs them) instead of processes of their own.
//
// Not a test: it prints a table (and the same rows as JSON with --json FILE).
import Foundation
import SlopeCore
import SlopeStudy
import SlopeStudyPostgres

struct Row: Codable {
    let store: String, trials: Int, workers: Int
    /// The workers were slots of one process (one connection, one claimer).
    let shared: Bool
    let seconds: Double, trialsPerSecond: Double
    let claimMedianMs: Double, claimP90Ms: Double, claimP99Ms: Double, claimMaxMs: Double
    /// Claim latency over the last 10% of trials (the largest history).
    let lastTenthMedianMs: Double
}

func spec(name: String, trials: Int) throws -> (StudySpec, String) {
    let text = """
        name: \(name)
        trials: \(trials)
        seed: 1
        sampler: tpe
        tpe: {startup: 10}
        objectives: {error: minimize}
        command: ./t.sh {args}
        parameters:
          lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
          width: {distribution: int_uniform, min: 8, max: 512}
          optimizer: {values: [sgd, adam]}
        """
    return (try SpecReader.parse(text, file: "bench.yaml", folder: "/tmp"), text)
}

func error(_ p: TrialParameters) -> Double {
    let lr = p["lr"]?.number ?? 1, width = p["width"]?.number ?? 0
    return pow(log10(lr) + 2.5, 2) + pow((width - 200) / 300, 2) + (p["optimizer"] == .text("sgd") ? 0.1 : 0)
}

func percentile(_ sorted: [Double], _ q: Double) -> Double {
    sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.down)))]
}

func measure(store label: String, trials: Int, workers: Int, shared: Bool,
             connect: @escaping @Sendable (String) async throws -> any StudyStore) async throws -> Row {
    let name = "claims\(UUID().uuidString.prefix(8).lowercased())"
    let (spec, text) = try spec(name: name, trials: trials)
    let first = try await connect(name)
    try await first.create(name: name, spec: text, fingerprint: try spec.fingerprint(), plan: spec.plan())
    await first.close()
    let one = shared ? try await connect(name) : nil
    let oneClaimer = one.map { TrialClaimer(store: $0, spec: spec, worker: "bench") }
    let start = Date()
    // One task per worker, each with its own connection (or the slots of one process).
    let latencies = try await withThrowingTaskGroup(of: [(id: Int, ms: Double)].self) { group in
        for k in 0..<workers {
            group.addTask {
                let store: any StudyStore
                if let one { store = one } else { store = try await connect(name) }
                let claimer = oneClaimer ?? TrialClaimer(store: store, spec: spec, worker: "bench:\(k)")
                var own: [(id: Int, ms: Double)] = []
                while true {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    guard case let .trial(t) = try await claimer.next() else { break }
                    own.append((t.id, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6))
                    let outcome = TrialOutcome.done(metrics: TrialMetrics([("error", error(t.parameters))]), wallTime: 0, peakRSS: 0)
                    guard try await store.finish(t, worker: claimer.worker, outcome) else { throw SlopeError.program(reason: "a claim was lost") }
                }
                if one == nil { await store.close() }
                return own
            }
        }
        return try await group.reduce(into: []) { $0 += $1 }
    }
    await one?.close()
    let seconds = Date().timeIntervalSince(start)
    let all = latencies.map(\.ms).sorted()
    let last = latencies.filter { $0.id > trials - trials / 10 }.map(\.ms).sorted()
    guard latencies.count == trials, Set(latencies.map(\.id)).count == trials else {
        throw SlopeError.program(reason: "\(latencies.count) claims for \(trials) trials")
    }
    return Row(store: label, trials: trials, workers: workers, shared: shared, seconds: seconds, trialsPerSecond: Double(trials) / seconds,
               claimMedianMs: percentile(all, 0.5), claimP90Ms: percentile(all, 0.9), claimP99Ms: percentile(all, 0.99),
               claimMaxMs: all.last ?? .nan, lastTenthMedianMs: percentile(last, 0.5))
}

/// The value after `name` in `arguments`, and the arguments without both.
func option(_ name: String, _ arguments: inout [String]) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}
var arguments = Array(CommandLine.arguments.dropFirst())
let sizes = (option("--trials", &arguments) ?? "100,1000,5000").split(separator: ",").compactMap { Int($0) }
let workerCounts = (option("--workers", &arguments) ?? "1,4").split(separator: ",").compactMap { Int($0) }
let json = option("--json", &arguments)
let shared = arguments.contains("--shared")
arguments.removeAll { $0 == "--shared" }
let postgres = arguments.first

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slope-claims-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

var stores: [(String, @Sendable (String) async throws -> any StudyStore)] = [
    ("sqlite", { name in try await TrialStore(path: folder.appendingPathComponent("\(name).sqlite").path) }),
]
if let postgres {
    let address = try PostgresAddress(postgres)
    stores.append(("postgresql", { name in try await PostgresStore(address: address, study: name) }))
}

print("store       trials  workers  seconds  trials/s  claim ms: median    p90    p99    max  last 10% median")
var rows: [Row] = []
for (label, connect) in stores {
    for n in sizes {
        for w in workerCounts {
            let r = try await measure(store: label, trials: n, workers: w, shared: shared, connect: connect)
            rows.append(r)
            print(label.padding(toLength: 10, withPad: " ", startingAt: 0)
                  + String(format: "  %6d  %7d  %7.2f  %8.1f  %16.2f %6.2f %6.2f %6.1f  %15.2f", n, w, r.seconds,
                         r.trialsPerSecond, r.claimMedianMs, r.claimP90Ms, r.claimP99Ms, r.claimMaxMs, r.lastTenthMedianMs))
        }
    }
}
if let json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(rows).write(to: URL(fileURLWithPath: json))
}
