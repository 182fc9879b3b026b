import SlopeCore
import Foundation
import Testing
@testable import SlopeStudy

@Suite struct TrialRunnerTests {
    /// A spec running `./trial.sh {args}` in `folder`.
    func spec(_ folder: String, timeout: Double? = nil) throws -> StudySpec {
        try SpecReader.parse("""
            trials: 3
            objectives: {error: minimize}
            command: ./trial.sh {args} --again={lr}
            \(timeout.map { "timeout: \($0)" } ?? "")
            parameters:
              lr: {distribution: log_uniform_values, min: 0.001, max: 0.1}
              opt: {values: [sgd, adam]}
              mom: {distribution: uniform, min: 0, max: 1, when: {opt: sgd}}
            """, file: "t.yaml", folder: folder)
    }

    func trial(_ parameters: TrialParameters = TrialParameters([("lr", .real(0.01)), ("opt", .text("adam"))])) -> StoredTrial {
        StoredTrial(id: 7, parameters: parameters, seed: 99, state: .running, metrics: nil, wallTime: nil, peakRSS: nil,
                    worker: nil, startedAt: nil, finishedAt: nil, attempts: 1, failure: nil, stderrTail: nil)
    }

    func run(_ body: String, timeout: Double? = nil, stop: StopFlag = StopFlag(), interpreter: String = "/bin/sh") throws
        -> (TrialOutcome?, Scratch) {
        let scratch = try Scratch()
        try scratch.script("trial.sh", body, interpreter: interpreter)
        let runner = TrialRunner(spec: try spec(scratch.path, timeout: timeout), slopeExecutable: "/nonexistent/slope")
        return (runner.run(trial(), stop: stop), scratch)
    }

    @Test func metricsFromTheLastStdoutLine() throws {
        let (outcome, _) = try run("""
            echo "epoch 1 loss 0.3"
            sleep 0.1
            echo '{"error": 0.25, "acc": 0.75, "note": "x", "flag": true, "nested": {"a": 1}}'
            echo
            """)
        guard case let .done(metrics, wall, rss)? = outcome else { Issue.record("\(String(describing: outcome))"); return }
        #expect(metrics.json == #"{"acc":0.75,"error":0.25}"#)
        #expect(wall > 0.1 && wall < 10)
        #expect(rss.map { $0 > 100_000 && $0 < 20_000_000 } == true, "\(rss)")
    }

    /// A child larger than this process: its own peak, from its resource usage.
    @Test func peakMemoryOfALargeChild() throws {
        let (outcome, _) = try run("""
            x = bytearray(300 * 1024 * 1024)
            for i in range(0, len(x), 4096): x[i] = 1
            print('{"error": 0}')
            """, interpreter: "/usr/bin/env python3")
        guard case let .done(_, _, rss)? = outcome else { Issue.record("\(String(describing: outcome))"); return }
        #expect(rss.map { $0 > 300 * 1024 * 1024 && $0 < 400 * 1024 * 1024 } == true, "\(rss)")
    }

    @Test func argumentsEnvironmentAndFolder() throws {
        let (outcome, scratch) = try run("""
            echo "$PWD|$*|$SLOPE_TRIAL_PARAMS|$SLOPE_TRIAL_ID|$SLOPE_TRIAL_SEED" >&2
            exit 3
            """)
        guard case let .failed(reason, tail, _, _)? = outcome else { Issue.record(); return }
        #expect(reason == "exit status 3")
        let folder = URL(fileURLWithPath: scratch.path).resolvingSymlinksInPath().path
        #expect(tail == #"\#(folder)|--lr=0.01 --opt=adam --again=0.01|{"lr":0.01,"opt":"adam"}|7|99"#)
    }

    @Test func stderrTailKeepsTheLastLines() throws {
        let (outcome, _) = try run("for i in $(seq 1 100); do echo \"line $i\" >&2; done; exit 1")
        guard case let .failed(_, tail, _, _)? = outcome else { Issue.record(); return }
        let lines = tail.split(separator: "\n")
        #expect(lines.count == TrialRunner.stderrLines && lines.first == "line 81" && lines.last == "line 100")
    }

    /// The metrics line is read whole wherever it is long (a 75 KB line after 100 KB of other
    /// output was cut at 64 KiB and refused), up to a stated limit.
    @Test func aLongMetricsLineIsReadWhole() throws {
        let (outcome, _) = try run("""
            import json
            d = {"error": 0.5}
            d.update({f"m{i:05d}": i * 0.001 for i in range(4000)})
            print("x" * 100000)
            print(json.dumps(d))
            print("   ")
            """, interpreter: "/usr/bin/env python3")
        guard case let .done(metrics, _, _)? = outcome else { Issue.record("\(String(describing: outcome))"); return }
        #expect(metrics["error"] == 0.5 && metrics.names.count == 4001)
        let (huge, _) = try run("python3 -c 'print(\"{\\\"error\\\": 1, \\\"pad\\\": \\\"\" + \"y\" * 5000000 + \"\\\"}\")'")
        guard case let .failed(reason, _, _, _)? = huge else { Issue.record("\(String(describing: huge))"); return }
        #expect(reason.contains("slope reads a metrics line of at most 4194304 bytes (4 MiB)"), "\(reason)")
    }

    @Test func timeoutIsAFailure() throws {
        let start = Date()
        let (outcome, _) = try run("sleep 20", timeout: 0.5)
        #expect(Date().timeIntervalSince(start) < 5)
        guard case let .failed(reason, _, wall, _)? = outcome else { Issue.record(); return }
        #expect(reason == "timed out after 0.5 s")
        #expect(wall.map { $0 >= 0.5 } == true)
    }

    @Test(arguments: [
        ("echo 'loss: 0.3'", "the last stdout line is not a JSON object: loss: 0.3"),
        ("echo '{\"acc\": 1}'", "the metrics lack the objective 'error' as a finite number"),
        ("echo '{\"error\": \"low\"}'", "the metrics lack the objective 'error'"),
        ("true", "printed nothing on stdout"),
        ("kill -9 $$", "killed by signal 9"),
    ])
    func badEndingsAreRecorded(body: String, reason: String) throws {
        let (outcome, _) = try run(body)
        guard case let .failed(got, _, _, _)? = outcome else { Issue.record("\(String(describing: outcome))"); return }
        #expect(got.hasPrefix(reason), "\(got)")
    }

    @Test func aProgramThatCannotStart() throws {
        let scratch = try Scratch()
        let runner = TrialRunner(spec: try spec(scratch.path), slopeExecutable: "x")
        guard case let .failed(reason, _, _, _)? = runner.run(trial(), stop: StopFlag()) else { Issue.record(); return }
        #expect(reason == "cannot run ./trial.sh: No such file or directory")
    }

    @Test func stopInterruptsTheChild() throws {
        let stop = StopFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { stop.raise() }
        let start = Date()
        let (outcome, _) = try run("sleep 20", stop: stop)
        #expect(outcome == nil)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}

@Suite struct EmptyCommandTests {
    @Test func aProgramNamingAnInactiveParameterFailsTheTrial() throws {
        let spec = try SpecReader.parse("""
            trials: 1
            objectives: {e: minimize}
            command: "{tool} --x"
            parameters:
              opt: {values: [a, b]}
              tool: {values: [./t.sh], when: {opt: b}}
            """, file: "t.yaml", folder: "/tmp")
        let trial = StoredTrial(id: 1, parameters: TrialParameters([("opt", .text("a"))]), seed: 1, state: .running, metrics: nil, wallTime: nil,
                                peakRSS: nil, worker: nil, startedAt: nil, finishedAt: nil, attempts: 1, failure: nil, stderrTail: nil)
        guard case let .failed(reason, _, _, _)? = TrialRunner(spec: spec, slopeExecutable: "x").run(trial, stop: StopFlag()) else {
            Issue.record(); return
        }
        #expect(reason.hasPrefix("the command is empty for this trial"))
    }
}
