import SlopeCore
import Foundation
import Testing
@testable import SlopeCore
@testable import SlopeStudy

/// Optuna's storage, read directly, against what Optuna's own API read from the same file.
@Suite struct OptunaStorageTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let db = folder.appendingPathComponent("optuna.db").path

    static func expected() throws -> [(key: String, value: JSONValue)] {
        let text = try String(contentsOf: folder.appendingPathComponent("optuna_expected.json"), encoding: .utf8)
        return try #require(JSONValue.parse(text)?.pairs)
    }

    private func field(_ value: JSONValue, _ key: String) -> JSONValue? { value.pairs?.first { $0.key == key }?.value }

    private func same(_ value: ParameterValue, _ json: JSONValue) -> Bool {
        switch (value, json) {
        case let (.real(x), .number(text)): return x == Double(text)!
        case let (.integer(k), .number(text)): return Double(k) == Double(text)!
        case let (.text(s), .string(t)): return s == t
        case let (.boolean(b), .bool(c)): return b == c
        default: return false
        }
    }

    @Test(arguments: ["toy", "multi"])
    func everyTrialReadsBackExactly(_ name: String) async throws {
        let study = try OptunaStudy(path: Self.db, study: name)
        let expected = try #require(try Self.expected().first { $0.key == name }?.value)
        guard case let .array(trials)? = field(expected, "trials") else { Issue.record("no trials"); return }
        #expect(study.trials.count == trials.count)
        guard case let .array(directions)? = field(expected, "directions") else { return }
        #expect(study.objectives.map { $0.direction.rawValue } == directions.map { if case let .string(s) = $0 { s } else { "" } })
        for (t, e) in zip(study.trials, trials) {
            #expect(.number("\(t.number)") == field(e, "number"))
            #expect(.string(t.state) == field(e, "state"))
            let params = try #require(field(e, "params")?.pairs)
            #expect(t.parameters.map(\.name).sorted() == params.map(\.key).sorted(), "trial \(t.number)")
            for (key, value) in params {
                let got = try #require(t.parameters.first { $0.name == key }?.value)
                #expect(same(got, value), "trial \(t.number) \(key): \(got) vs \(value)")
            }
            // Every intermediate value (Optuna's trial.report), by step: the trial's learning curve.
            let reported = (field(e, "intermediate_values")?.pairs ?? []).map { (step: Int($0.key), value: $0.value.double) }
                .sorted { ($0.step ?? 0) < ($1.step ?? 0) }
            #expect(t.intermediate.map(\.step) == reported.map(\.step), "trial \(t.number)")
            #expect(t.intermediate.map(\.value) == reported.map(\.value), "trial \(t.number)")
            #expect(t.lastIntermediate?.step == reported.last?.step, "trial \(t.number)")
            switch field(e, "values") {
            case .array(let values)?:
                #expect(t.values.count == values.count)
                for (v, w) in zip(t.values, values) { #expect(v == w.double, "trial \(t.number)") }
            default:
                #expect(t.values.allSatisfy { $0 == nil }, "trial \(t.number)")
            }
        }
    }

    @Test func namesKindsAndStatesMapToSlope() async throws {
        let multi = try OptunaStudy(path: Self.db, study: "multi")
        #expect(multi.objectives.map(\.name) == ["error", "throughput"])
        #expect(multi.objectives.map(\.direction) == [.minimize, .maximize])
        let toy = try OptunaStudy(path: Self.db, study: "toy")
        let spec = try toy.spec()
        // Kept in a store as YAML, the spec reads back as the same study.
        #expect(try SpecReader.parse(spec.source, file: "toy", folder: "").fingerprint() == spec.fingerprint())
        let table = try TrialTable(spec: spec, trials: toy.storedTrials().map(\.observation), source: "toy", columns: ColumnSelection())
        let kinds = Dictionary(uniqueKeysWithValues: table.parameters.map { ($0.name, $0.kind) })
        #expect(kinds == ["lr": .log, "width": .integer, "depth": .integer, "dropout": .continuous,
                          "optimizer": .categorical, "momentum": .continuous, "batch_norm": .boolean])
        // momentum is suggested only for sgd: active exactly there.
        let optimizer = table.parameters.first { $0.name == "optimizer" }!, momentum = table.parameters.first { $0.name == "momentum" }!
        guard case let .levels(codes, names) = optimizer.values else { Issue.record("optimizer is not levels"); return }
        #expect(momentum.activeRows == codes.indices.filter { names[codes[$0]!] == "sgd" })
        let states = toy.trials.map(\.state)
        #expect(table.objectives.map(\.name) == ["value", "wall_time_s"])
        #expect(table.objectives[0].values.filter { $0 == nil }.count == states.filter { $0 != "COMPLETE" }.count)
        #expect(states.contains("FAIL") && states.contains("PRUNED"))
        let pruned = try #require(toy.trials.first { $0.state == "PRUNED" })
        let stored = try #require(toy.storedTrials().first { $0.id == pruned.number + 1 })
        #expect(stored.state == .pruned && stored.failure == nil && stored.lastStep == 0)
        #expect(stored.metric("value") == pruned.lastIntermediate?.value)
    }

    @Test func anUnknownStudyListsThoseThere() async {
        #expect(throws: SlopeError.store(file: Self.db, reason: "no Optuna study named \"nope\"; the storage holds \"toy\", \"multi\"", problem: .missing)) {
            try OptunaStudy(path: Self.db, study: "nope")
        }
        #expect(throws: SlopeError.ambiguousStudy(file: Self.db, studies: ["toy", "multi"])) {
            try OptunaStudy(path: Self.db, study: nil)
        }
    }
}
