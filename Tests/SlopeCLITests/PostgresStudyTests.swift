import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Studies on a real PostgreSQL server with real worker processes (issue 17). The server is
/// named by SLOPE_TEST_POSTGRES (a postgresql:// URL; .ci/run starts one and sets it). Without
/// it these tests are skipped, unless SLOPE_REQUIRE_POSTGRES=1 (CI), where they fail.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["SLOPE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = ProcessInfo.processInfo.environment["SLOPE_REQUIRE_POSTGRES"] == "1"
    /// Why the PostgreSQL tests are skipped, and how to run them.
    static let howToRun: Comment = "no PostgreSQL server: set SLOPE_TEST_POSTGRES=postgresql://USER@127.0.0.1:PORT/DATABASE to run these (README, Tests)"
}

@Suite(.enabled(if: PostgresTestServer.url != nil || PostgresTestServer.required, PostgresTestServer.howToRun))
struct PostgresStudyTests {
    static var url: String? { PostgresTestServer.url }

    /// A folder with `trial.sh` (error = lr after `sleep` seconds) and a spec of `trials`
    /// trials under a study name of its own.
    func study(trials: Int, sleep: Double, maxAttempts: Int = 3) throws -> (spec: String, name: String) {
        let folder = try CLIRunner.temporaryFolder()
        try CLIRunner.writeScript("#!/bin/sh\nsleep \(sleep)\necho \"{\\\"error\\\": ${1#--lr=}}\"\n",
                                  to: folder.appendingPathComponent("trial.sh").path)
        let name = "t\(UUID().uuidString.prefix(8).lowercased())"
        let spec = folder.appendingPathComponent("s.yaml")
        try """
            name: \(name)
            trials: \(trials)
            seed: 2
            sampler: lhs
            max_attempts: \(maxAttempts)
            objectives: {error: minimize}
            command: ./trial.sh {args}
            parameters:
              lr: {distribution: uniform, min: 0, max: 1}
            """.write(to: spec, atomically: true, encoding: .utf8)
        return (spec.path, name)
    }

    func start(_ arguments: [String]) throws -> Process { try CLIRunner.start(arguments) }

    /// The study's trials as `study export --json` gives them.
    func trials(_ name: String) throws -> [[String: Any]] {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let json = try CLIRunner.temporaryFolder().appendingPathComponent("t.json").path
        let export = try CLIRunner.run(["study", "export", url, "--study", name, "--json", json, "--quiet"])
        try #require(export.status == 0, "\(export.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        return try #require(object?["trials"] as? [[String: Any]])
    }

    @Test func fourWorkersStartingAtOnceRunEveryTrialOnce() throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let (spec, name) = try study(trials: 16, sleep: 0.1)
        let workers = try (0..<4).map { _ in try start(["study", "run", spec, "--store", url, "--jobs", "2", "--quiet"]) }
        for w in workers { w.waitUntilExit() }
        #expect(workers.allSatisfy { $0.terminationStatus == 0 }, "\(workers.map(\.terminationStatus))")
        let all = try trials(name)
        #expect(all.count == 16 && all.allSatisfy { $0["state"] as? String == "done" && $0["attempts"] as? Int == 1 },
                "\(all.map { ($0["state"] ?? "?", $0["attempts"] ?? "?") })")
        let status = try CLIRunner.run(["study", "status", url, "--study", name])
        #expect(status.stdout.components(separatedBy: "\nworker ").count - 1 >= 2, "\(status.stdout)")
    }

    /// Two workers with a median pruner: each prunes from the reports both wrote to the
    /// server; a pruned trial is never better at step 1 than every done trial; each trial ran
    /// once.
    @Test func twoWorkersPruneFromTheServersReports() throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let folder = try CLIRunner.temporaryFolder()
        try CLIRunner.writeScript("""
            #!/bin/sh
            x=${1#--x=}
            for s in 1 2 3 4 5 6; do echo "{\\"step\\": $s, \\"error\\": $x}"; sleep 0.15; done
            echo "{\\"error\\": $x}"

            """, to: folder.appendingPathComponent("trial.sh").path)
        let name = "p\(UUID().uuidString.prefix(8).lowercased())"
        let spec = folder.appendingPathComponent("s.yaml")
        try """
            name: \(name)
            trials: 16
            seed: 3
            objectives: {error: minimize}
            command: ./trial.sh {args}
            pruner: {kind: median, startup_trials: 2, grace: 1}
            parameters:
              x: {distribution: uniform, min: 0, max: 1}
            """.write(to: spec, atomically: true, encoding: .utf8)
        let workers = try (0..<2).map { _ in try start(["study", "run", spec.path, "--store", url, "--quiet"]) }
        for w in workers { w.waitUntilExit() }
        #expect(workers.allSatisfy { $0.terminationStatus == 0 }, "\(workers.map(\.terminationStatus))")
        let all = try trials(name)
        func x(_ t: [String: Any]) -> Double { (t["parameters"] as? [String: Any])?["x"] as? Double ?? .nan }
        let done = all.filter { $0["state"] as? String == "done" }, pruned = all.filter { $0["state"] as? String == "pruned" }
        #expect(done.count + pruned.count == 16 && all.allSatisfy { $0["attempts"] as? Int == 1 })
        #expect(!pruned.isEmpty)
        let best = done.map(x).min() ?? .nan
        #expect(pruned.allSatisfy { x($0) > best && $0["last_step"] as? Int != nil }, "\(pruned.map(x)) vs best done \(best)")
    }

    /// `slope study serve` on a PostgreSQL study: /api/trials is what `study export --json`
    /// writes, the page shows the study, and serving changes nothing in the database.
    @Test func theDashboardServesAPostgresStudy() async throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let (spec, name) = try study(trials: 4, sleep: 0)
        #expect(try CLIRunner.run(["study", "run", spec, "--store", url, "--quiet"]).status == 0)
        let export = try CLIRunner.run(["study", "export", url, "--study", name, "--json", "-", "--quiet"])
        let server = Process()
        server.executableURL = CLIRunner.executable
        server.arguments = ["study", "serve", url, "--study", name, "--port", "0"]
        let errors = Pipe()
        server.standardError = errors
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        // "serving the study at http://127.0.0.1:PORT/ (read-only; Ctrl-C stops)"
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        let port = try #require(text.split(separator: ":").dropFirst(2).first.flatMap { Int($0.prefix { $0.isNumber }) }, "\(text)")
        func get(_ path: String) async throws -> String {
            let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try await get("/api/trials") == export.stdout)
        #expect(try await get("/").contains("slope study: \(name)"))
        #expect(try await get("/api/status").contains("\"done\": 4"))
        let again = try CLIRunner.run(["study", "export", url, "--study", name, "--json", "-", "--quiet"])
        #expect(again.stdout == export.stdout)
    }

    /// A worker killed with SIGKILL mid-trial: after its lease expires the survivor runs that
    /// trial again (attempt 2) and every trial is done exactly once.
    @Test func aKilledWorkersTrialRunsAgainAfterItsLease() throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let (spec, name) = try study(trials: 3, sleep: 1.5)
        let lease = ["--heartbeat", "0.5", "--lease", "2"]
        let doomed = try start(["study", "run", spec, "--store", url, "--quiet"] + lease)
        Thread.sleep(forTimeInterval: 1.0)
        kill(doomed.processIdentifier, SIGKILL)
        doomed.waitUntilExit()
        let survivor = try CLIRunner.run(["study", "run", spec, "--store", url, "--quiet"] + lease)
        #expect(survivor.status == 0, "\(survivor.stderr)")
        let all = try trials(name)
        #expect(all.allSatisfy { $0["state"] as? String == "done" }, "\(all.map { $0["state"] ?? "?" })")
        #expect(all.compactMap { $0["attempts"] as? Int }.sorted() == [1, 1, 2], "\(all.map { $0["attempts"] ?? "?" })")
    }

    /// SIGTERM (a preemption) stops the child and puts its trial back at once: exit 143.
    @Test func sigtermPutsTheTrialBackAtOnce() throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let (spec, name) = try study(trials: 2, sleep: 30)
        let worker = try start(["study", "run", spec, "--store", url, "--quiet"])
        Thread.sleep(forTimeInterval: 1.5)
        let began = Date()
        kill(worker.processIdentifier, SIGTERM)
        worker.waitUntilExit()
        #expect(worker.terminationStatus == 143)
        #expect(Date().timeIntervalSince(began) < 10)
        let all = try trials(name)
        #expect(all.allSatisfy { $0["state"] as? String == "pending" }, "\(all.map { $0["state"] ?? "?" })")
    }

    /// A refused connection is one line and exit 2.
    @Test func aWrongDatabaseIsOneLineExitTwo() throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let (spec, _) = try study(trials: 1, sleep: 0)
        let slash = try #require(url.lastIndex(of: "/"))
        let wrong = String(url[..<slash]) + "/no_such_database"
        let result = try CLIRunner.run(["study", "run", spec, "--store", wrong, "--quiet"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot connect") && result.stderr.contains("no_such_database"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}

extension PostgresStudyTests {
    /// Two hosts, simulated by two worker names: both show in `status`, each with its trials.
    @Test func twoNamedWorkersShareTheStudy() throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let (spec, name) = try study(trials: 8, sleep: 0.2)
        let hosts = try ["host-a", "host-b"].map { host -> Process in
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["study", "run", spec, "--store", url, "--quiet"]
            process.environment = ProcessInfo.processInfo.environment.merging(["SLOPE_WORKER": host]) { _, b in b }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for h in hosts { h.waitUntilExit() }
        #expect(hosts.allSatisfy { $0.terminationStatus == 0 })
        let all = try trials(name)
        #expect(all.allSatisfy { $0["state"] as? String == "done" && $0["attempts"] as? Int == 1 })
        #expect(Set(all.compactMap { $0["worker"] as? String }) == ["host-a", "host-b"], "\(all.map { $0["worker"] ?? "?" })")
        let status = try CLIRunner.run(["study", "status", url, "--study", name])
        #expect(status.stdout.contains("worker host-a: ") && status.stdout.contains("worker host-b: "), "\(status.stdout)")
    }

    /// Each job slot gets its own device: `{gpu}` in the command and CUDA_VISIBLE_DEVICES.
    @Test func eachJobSlotHasItsGPU() throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let folder = try CLIRunner.temporaryFolder()
        try CLIRunner.writeScript("#!/bin/sh\nsleep 0.3\necho \"{\\\"error\\\": $1, \\\"device\\\": $CUDA_VISIBLE_DEVICES}\"\n",
                                  to: folder.appendingPathComponent("gpu.sh").path)
        let name = "g\(UUID().uuidString.prefix(8).lowercased())"
        let spec = folder.appendingPathComponent("g.yaml")
        try "name: \(name)\ntrials: 6\nobjectives: {error: minimize}\ncommand: ./gpu.sh {gpu}\nparameters:\n  lr: {distribution: uniform, min: 0, max: 1}\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["study", "run", spec.path, "--store", url, "--gpus", "3,5", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let all = try trials(name)
        let pairs = all.compactMap { t -> [Double]? in
            guard let m = t["metrics"] as? [String: Any], let e = m["error"] as? Double, let d = m["device"] as? Double else { return nil }
            return [e, d]
        }
        // The device the command was given is the one the environment names, and both slots ran.
        #expect(pairs.count == 6 && pairs.allSatisfy { $0[0] == $0[1] } && Set(pairs.map { $0[1] }) == [3, 5], "\(pairs)")
        let missing = try CLIRunner.run(["study", "run", spec.path, "--store", url, "--quiet"])
        #expect(missing.status == 2 && missing.stderr.contains("--gpus"), "\(missing.stderr)")
    }

    /// A worker alone on a study whose trials all fail runs them all (the study is broken, not
    /// the node) and exits 1 naming the commonest failure with its stderr's last line. (A broken
    /// node beside other workers stops after five: StudyRunnerTests.)
    @Test func aWorkerAloneWhoseTrialsAllFailNamesWhy() throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let folder = try CLIRunner.temporaryFolder()
        try CLIRunner.writeScript("#!/bin/sh\necho 'CUDA error: no device' >&2\nexit 1\n", to: folder.appendingPathComponent("bad.sh").path)
        let name = "b\(UUID().uuidString.prefix(8).lowercased())"
        let spec = folder.appendingPathComponent("b.yaml")
        try "name: \(name)\ntrials: 20\nobjectives: {error: minimize}\ncommand: ./bad.sh {args}\nparameters:\n  lr: {distribution: uniform, min: 0, max: 1}\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["study", "run", spec.path, "--store", url, "--quiet"])
        #expect(run.status == 1 && run.stderr.contains("every trial failed (20); the commonest failure, in 20 of them: exit status 1: CUDA error: no device"),
                "\(run.stderr)")
        let all = try trials(name)
        #expect(all.filter { $0["state"] as? String == "failed" }.count == 20)
    }
}

/// What a user sees when no server answers: no server needed.
@Suite struct PostgresUnreachableTests {
    @Test func aClosedPortIsOneLineNamingThePlace() throws {
        let (spec, _) = try PostgresStudyTests().study(trials: 1, sleep: 0)
        let result = try CLIRunner.run(["study", "run", spec, "--store", "postgresql://slope@127.0.0.1:1/studies", "--quiet"])
        #expect(result.status == 2)
        #expect(result.stderr == "slope: error: postgresql://slope@127.0.0.1:1/studies: cannot connect: Connection refused at 127.0.0.1:1\n",
                "\(result.stderr)")
    }
}

extension PostgresStudyTests {
    /// Two workers of two jobs each share a TPE study: proposals made one at a time inside
    /// the claims, every trial done once.
    @Test func twoWorkersShareATPEStudy() throws {
        let url = try #require(Self.url, "SLOPE_TEST_POSTGRES is not set")
        let name = "t\(UUID().uuidString.prefix(8).lowercased())"
        let (_, spec) = try TPEStudyTests.folder(trials: 24, name: name)
        let workers = try (0..<2).map { _ in try start(["study", "run", spec, "--store", url, "--jobs", "2", "--quiet"]) }
        for w in workers { w.waitUntilExit() }
        #expect(workers.allSatisfy { $0.terminationStatus == 0 })
        TPEStudyTests.checkTrials(try trials(name), count: 24)
    }
}
