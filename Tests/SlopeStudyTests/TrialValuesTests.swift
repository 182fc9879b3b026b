import Foundation
import GRDB
import SlopeCore
import Testing
@testable import SlopeStudy

/// Parameters and metrics are typed inside the study code and serialised only by the store.
@Suite struct TrialValuesTests {
    @Test func parametersAreTypedByTheirDomains() async throws {
        let space = try parse(toySpec).space
        let stored = #"{"lr":0.001,"width":64,"optimizer":"momentum","momentum":0.5,"unknown":1}"#
        let parameters = try TrialParameters.decode(stored, space: space, source: "s.sqlite")
        #expect(parameters.entries.map(\.name) == ["lr", "width", "optimizer", "momentum"])
        #expect(parameters["lr"] == .real(0.001) && parameters["width"] == .integer(64))
        #expect(parameters["optimizer"] == .text("momentum") && parameters["unknown"] == nil)
        // Written back in the spec's order, the text is the one a trial sees.
        #expect(parameters.json == #"{"lr":0.001,"width":64,"optimizer":"momentum","momentum":0.5}"#)
        // Spec order, whatever the order in the store.
        let shuffled = try TrialParameters.decode(#"{"width":8,"lr":0.5,"optimizer":"adam"}"#, space: space, source: "s")
        #expect(shuffled.entries.map(\.name) == ["lr", "width", "optimizer"])
        #expect(throws: SlopeError.store(file: "s.sqlite", reason: "a trial's parameters are not a JSON object: [1, 2]", problem: .damaged)) {
            try TrialParameters.decode("[1, 2]", space: space, source: "s.sqlite")
        }
    }

    @Test func metricsKeepTheFirstFiniteNumberOfEachNameSorted() async throws {
        let metrics = try TrialMetrics.decode(#"{"z": 1, "error": 0.25, "note": "x", "error": 9, "big": 1e999}"#, source: "s")
        #expect(metrics.names == ["error", "z"] && metrics["error"] == 0.25 && metrics["big"] == nil)
        #expect(metrics.json == #"{"error":0.25,"z":1.0}"#)
        #expect(try TrialMetrics.decode(metrics.json, source: "s") == metrics)
    }

    @Test func aNegativeSeedInTheStoreIsAnErrorNotATrap() async throws {
        let scratch = try Scratch()
        let spec = try SpecReader.parse(toySpec, file: "toy.yaml", folder: scratch.path)
        let store = try await TrialStore(path: scratch.file("s.sqlite"))
        try await store.create(name: spec.name, spec: toySpec, fingerprint: try spec.fingerprint(), plan: spec.plan())
        let queue = try DatabaseQueue(path: scratch.file("s.sqlite"))
        try await queue.write { try $0.execute(sql: "UPDATE trial SET seed = -5 WHERE id = 2") }
        await #expect(throws: SlopeError.store(file: scratch.file("s.sqlite"), reason: "trial 2: the seed -5 is negative", problem: .damaged)) {
            try await store.trials(space: spec.space)
        }
    }
}

/// A spec written as YAML reads back as the same study.
@Suite struct SpecWriterTests {
    @Test func everyKindOfSpecRoundTrips() async throws {
        let specs = [toySpec, """
            name: "odd name: with # marks"
            trials: 7
            seed: 3
            sampler: sobol
            objectives: {error: minimize, "acc u": maximize}
            command: ./run 'a b' "it's" {args} --seed={seed}
            timeout: 2.5
            parameters:
              tiny: {distribution: log_uniform_values, min: 1e-05, max: 0.1}
              q: {distribution: q_uniform, min: 0, max: 1, q: 0.25}
              flag: {values: [true, false]}
              n: {values: [1, 2, 3]}
              sub: {values: ["x y", z], when: {flag: true, n: [1, 2]}}
            """, """
            name: digits
            trials: 4
            objectives: {error: minimize}
            trainer: mlp
            data: {images: data/i.idx3-ubyte, labels: data/l.idx1-ubyte, validation: 0.2}
            parameters:
              lr: {distribution: log_uniform_values, min: 0.0001, max: 0.3}
              width: {distribution: int_uniform, min: 8, max: 256}
            """, """
            name: t
            trials: 9
            sampler: tpe
            tpe: {startup: 4, goal: 0.25}
            constraints: {wall_time_s: {max: 5}, "a b": {min: -1, max: 1e-3}}
            objectives: {error: minimize}
            command: ./run {args}
            parameters:
              lr: {distribution: log_uniform_values, min: 0.0001, max: 0.3}
            """, StagedStudyTests.text, """
            name: s
            objectives: {error: minimize}
            command: ./run {args}
            stages:
              - {name: "a: b", trials: 5, sampler: lhs}
              - {name: c, trials: 6, sampler: random, reduce: {alpha: 0.1, objective: error, goal: 0.3, cost: wall_time_s}}
              - {name: d, trials: 7, sampler: tpe, tpe: {candidates: 5}}
            parameters:
              lr: {distribution: log_uniform_values, min: 0.0001, max: 0.3}
            """]
        for text in specs {
            let spec = try SpecReader.parse(text, file: "s.yaml", folder: "")
            let written = SpecWriter.yaml(spec, comments: ["written by a test"])
            let reread = try SpecReader.parse(written, file: "w.yaml", folder: "")
            #expect(try reread.fingerprint() == spec.fingerprint(), "\(written)")
            #expect(reread.run.template(slopeExecutable: "slope") == spec.run.template(slopeExecutable: "slope"))
        }
    }

    @Test func numbersWithAnExponentStayNumbers() async {
        #expect(SpecWriter.number(1e-05) == "1.0e-05" && SpecWriter.number(0.25) == "0.25" && SpecWriter.number(3) == "3.0")
    }
}
