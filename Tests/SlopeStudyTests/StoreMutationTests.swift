import Foundation
import GRDB
import SlopeCore
import Testing
@testable import SlopeStudy

/// Stores and Optuna storages mutated at the SQL level (a cell of every column set to values
/// of every SQLite type): reading them gives the study or one `SlopeError`, never a trap.
@Suite struct StoreMutationTests {
    /// Values of every storage class, and edge values of each.
    static let values = ["NULL", "-5", "0", "1.5", "1e308", "9223372036854775807", "-9223372036854775808",
                         "'text'", "''", "'{}'", "'[1, 2]'", "'{\"lr\": \"x\"}'", "x'00ff'", "x''", "'2024-13-45 99:99:99'"]

    /// Applies `sql` to a copy of `source`; nil when SQLite refuses it (a constraint).
    static func mutated(_ source: String, _ sql: String, scratch: Scratch, name: String) throws -> String? {
        let path = scratch.file(name)
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: source, toPath: path)
        do {
            try DatabaseQueue(path: path).write { try $0.execute(sql: sql) }
            return path
        } catch { return nil }
    }

    /// Runs `body`; a `SlopeError` is a clean refusal, anything else is recorded.
    static func clean(_ what: String, _ body: () async throws -> Void) async -> Bool {
        do { try await body(); return true } catch is SlopeError { return true } catch {
            Issue.record("\(what): \(type(of: error)): \(error)")
            return false
        }
    }

    @Test func mutatedSlopeStoresAreReadOrRefused() async throws {
        let scratch = try Scratch()
        let spec = try SpecReader.parse(toySpec, file: "toy.yaml", folder: scratch.path)
        let source = scratch.file("source.sqlite")
        do {  // closed at the end of the block: every change is in the file
            let store = try await TrialStore(path: source)
            try await store.create(name: spec.name, spec: toySpec, fingerprint: try spec.fingerprint(), plan: spec.plan())
            for k in 0..<4 {
                let t = try await #require(try store.claimNext("host:1:1", spec: spec))
                _ = try await store.finish(t, worker: "host:1:1", k == 3 ? .failed(reason: "boom", stderrTail: "x", wallTime: 0.5, peakRSS: 10)
                                     : .done(metrics: TrialMetrics([("error", Double(k) / 10)]), wallTime: 1, peakRSS: 1000))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: source + "-wal"))
        let columns = ["trial": ["id", "parameters", "seed", "state", "metrics", "wall_time_s", "peak_rss_bytes", "worker",
                                 "started_at", "finished_at", "attempts", "failure", "stderr_tail"],
                       "study": ["name", "spec", "fingerprint", "created_at"]]
        var cases = 0, applied = 0
        for (table, names) in columns.sorted(by: { $0.key < $1.key }) {
            for column in names {
                for value in Self.values {
                    for rows in ["id = 2", "1"] where table == "trial" || rows == "1" {
                        cases += 1
                        guard let path = try Self.mutated(source, "UPDATE \(table) SET \(column) = \(value) WHERE \(rows)",
                                                          scratch: scratch, name: "m.sqlite") else { continue }
                        applied += 1
                        let what = "\(table).\(column) = \(value) where \(rows)"
                        _ = await Self.clean(what) { _ = try await StudyStatusJob.run(StudyStatusRequest(store: path)) }
                        _ = await Self.clean(what) { _ = try await TrialSource.table(path: path, study: nil, columns: ColumnSelection(), reader: CSVReader()) }
                        _ = await Self.clean(what) { _ = try await TrialStore(path: path).trials(space: spec.space) }
                    }
                }
            }
        }
        #expect(applied > 200, "\(applied) of \(cases) mutations applied")
    }

    @Test func mutatedOptunaStoragesAreReadOrRefused() async throws {
        let scratch = try Scratch()
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/optuna.db").path
        let columns = ["studies": ["study_id", "study_name"],
                       "trials": ["trial_id", "number", "state", "datetime_start", "datetime_complete"],
                       "trial_params": ["param_name", "param_value", "distribution_json"],
                       "trial_values": ["objective", "value", "value_type"],
                       "study_directions": ["direction"],
                       "trial_intermediate_values": ["step", "intermediate_value"],
                       "study_system_attributes": ["value_json"]]
        var applied = 0
        for (table, names) in columns.sorted(by: { $0.key < $1.key }) {
            for column in names {
                for value in Self.values {
                    guard let path = try Self.mutated(source, "UPDATE \(table) SET \(column) = \(value) WHERE rowid IN (SELECT rowid FROM \(table) LIMIT 3)",
                                                      scratch: scratch, name: "o.db") else { continue }
                    applied += 1
                    let what = "\(table).\(column) = \(value)"
                    for study in ["toy", "multi"] {
                        _ = await Self.clean(what) {
                            let optuna = try OptunaStudy(path: path, study: study)
                            let spec = try optuna.spec()
                            _ = try TrialTable(spec: spec, trials: optuna.storedTrials().map(\.observation), source: path, columns: ColumnSelection())
                        }
                    }
                }
            }
        }
        #expect(applied > 150, "\(applied) mutations applied")
    }
}
