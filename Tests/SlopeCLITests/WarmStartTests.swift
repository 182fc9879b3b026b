import Foundation
import Testing

/// A study seeded with known-good configurations (`enqueue:`) and a log-scale integer, end to
/// end: the given sets are the first trials run, exported with their placement.
@Suite struct WarmStartTests {
    @Test func enqueuedSetsRunFirst() throws {
        let folder = try CLIRunner.temporaryFolder()
        try CLIRunner.writeScript("#!/bin/sh\necho \"{\\\"error\\\": ${1#--lr=}}\"\n", to: folder.appendingPathComponent("t.sh").path)
        let spec = folder.appendingPathComponent("w.yaml").path, store = folder.appendingPathComponent("w.sqlite").path
        try """
            name: warm
            trials: 6
            sampler: tpe
            tpe: {startup: 3}
            objectives: {error: minimize}
            command: ./t.sh {args}
            parameters:
              lr: {distribution: uniform, min: 0, max: 1}
              batch: {distribution: q_log_uniform_values, min: 8, max: 512, q: 1}
            enqueue:
              - {lr: 0.125, batch: 64}
              - {lr: 0.5, batch: 256}
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["study", "run", spec, "--store", store, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = folder.appendingPathComponent("w.csv").path
        #expect(try CLIRunner.run(["study", "export", store, "--csv", csv, "--quiet"]).status == 0)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = rows[0].map(String.init)
        let (lr, batch, placed) = (try #require(header.firstIndex(of: "lr")), try #require(header.firstIndex(of: "batch")),
                                   try #require(header.firstIndex(of: "placed_by")))
        #expect(rows[1][lr] == "0.125" && rows[1][batch] == "64" && rows[1][placed] == "enqueued", "\(rows[1])")
        #expect(rows[2][lr] == "0.5" && rows[2][batch] == "256" && rows[2][placed] == "enqueued", "\(rows[2])")
        // Every batch a whole number in range.
        #expect(rows.dropFirst().allSatisfy { Int($0[batch]).map { (8...512).contains($0) } ?? false })
    }
}
