import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing
import SlopeCore
@testable import SlopeServe
@testable import SlopeStudy

/// `slope study serve` over real loopback HTTP: every endpoint on a finished, an empty and a
/// running study; the token; no path outside the routes; nothing written to the store.
@Suite(.serialized) struct DashboardTests {
    /// A store with a study of `trials` trials, one of its two parameters named `<script>`
    /// (the pages must escape it), `done` of them finished.
    static func store(trials: Int = 6, done: Int) async throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slope-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = """
            name: dash
            trials: \(trials)
            objectives: {error: minimize}
            command: ./t.sh
            parameters:
              "<script>": {distribution: uniform, min: 0, max: 1}
              b: {values: [u, v]}
            """
        let spec = try SpecReader.parse(text, file: "s.yaml", folder: folder.path)
        let path = folder.appendingPathComponent("s.sqlite").path
        let store = try await TrialStore(path: path)
        try await store.create(name: spec.name, spec: text, fingerprint: try spec.fingerprint(), plan: spec.plan())
        for k in 0..<done {
            guard case let .trial(t) = try await TrialClaimer(store: store, spec: spec, worker: "w").next() else { break }
            _ = try await store.report(t, worker: "w", [StepReport(step: 1, metrics: TrialMetrics([("error", 1.0)]))])
            _ = try await store.finish(t, worker: "w", .done(metrics: TrialMetrics([("error", Double(k) / 10)]), wallTime: 1, peakRSS: 10))
        }
        await store.close()
        return (path, folder)
    }

    /// Runs the dashboard of `path` while `body` runs, then stops it.
    static func serving<T>(_ path: String, token: String? = nil, _ body: (Int) async throws -> T) async throws -> T {
        let request = try DashboardRequest(status: StudyStatusRequest(store: path), port: 0, token: token, refresh: 0.05, permutations: 50)
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let server = Task { try await DashboardJob.run(request) { port.yield($0) } }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let listening = try #require(await iterator.next())
        return try await body(listening)
    }

    static func get(_ port: Int, _ path: String, token: String? = nil) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func aFinishedStudysEndpoints() async throws {
        let (path, folder) = try await Self.store(done: 6)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try await Self.serving(path) { (port: Int) async throws -> Void in
            let trials = try await Self.get(port, "/api/trials")
            let export = TrialsJSON.render(try await StudyStatusJob.run(StudyStatusRequest(store: path)))
            #expect(trials.status == 200 && trials.body == export)
            let status = try await Self.get(port, "/api/status")
            #expect(status.body.contains("\"done\": 6") && status.body.contains("\"best\": {\"error\": {\"trial\": 1, \"value\": 0.0}}"), "\(status.body)")
            let page = try await Self.get(port, "/")
            #expect(page.status == 200 && page.body.contains("slope study: dash"))
            // The parameter's name is shown escaped, never as markup.
            #expect(page.body.contains("&lt;script&gt;") && !page.body.contains("<th style=\"cursor:pointer\"><script>"))
            #expect(page.body.contains("History of error") && page.body.contains("Learning curves of error"))
            #expect(page.body.contains("id=\"stage-filter\"") && page.body.contains("data-stage=\"0\""))
            // The analysis is computed off the request path: 202 until it is ready, then the report.
            var analysis = try await Self.get(port, "/api/analysis")
            for _ in 0..<200 where analysis.status == 202 {
                try await Task.sleep(for: .milliseconds(50))
                analysis = try await Self.get(port, "/api/analysis")
            }
            #expect(analysis.status == 200 && analysis.body.contains("\"objectives\""), "\(analysis.status) \(analysis.body.prefix(200))")
            let report = try await Self.get(port, "/analysis")
            #expect(report.status == 200 && report.body.contains("What decides each objective"))
            #expect(!report.body.contains("this analysis did not measure the pairs"))
            // A request with a large body (no route takes one) is refused, and the server goes on.
            var post = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/")))
            post.httpMethod = "POST"
            post.httpBody = Data(repeating: 65, count: 20 << 20)
            let (_, refused) = try await URLSession.shared.data(for: post)
            #expect([404, 405, 413].contains((refused as? HTTPURLResponse)?.statusCode ?? 0))
            #expect(try await Self.get(port, "/api/status").status == 200)
            for bad in ["/nope", "/..%2F..%2Fetc%2Fpasswd", "/api/trials/../../s.sqlite", "/s.sqlite"] {
                let r = try await Self.get(port, bad)
                #expect(r.status == 404, "\(bad): \(r.status)")
            }
        }
        // Read-only: the same files, the same bytes.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func anEmptyStudy() async throws {
        let (path, _) = try await Self.store(done: 0)
        try await Self.serving(path) { (port: Int) async throws -> Void in
            #expect(try await Self.get(port, "/api/status").body.contains("\"pending\": 6"))
            let analysis = try await Self.get(port, "/api/analysis")
            #expect(analysis.status == 202 && analysis.body.contains("no finished trial"))
            #expect(try await Self.get(port, "/").status == 200)
        }
    }

    /// The count the page polls grows while two workers (two connections) write to the store,
    /// and every endpoint answers meanwhile.
    @Test func aStudyWrittenByTwoWorkers() async throws {
        let (path, _) = try await Self.store(trials: 12, done: 2)
        try await Self.serving(path) { (port: Int) async throws -> Void in
            #expect(try await Self.get(port, "/api/status").body.contains("\"done\": 2"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in ["w2", "w3"] {
                    group.addTask {
                        let store = try await TrialStore(path: path)
                        let spec = try SpecReader.parse(try #require(try await store.study()).spec, file: "s.yaml", folder: "")
                        for _ in 0..<5 {
                            guard case let .trial(t) = try await TrialClaimer(store: store, spec: spec, worker: worker).next() else { break }
                            _ = try await store.finish(t, worker: worker, .done(metrics: TrialMetrics([("error", 0.5)]), wallTime: 1, peakRSS: nil))
                        }
                        await store.close()
                    }
                }
                group.addTask { () async throws -> Void in
                    for route in ["/", "/api/trials", "/api/status", "/api/status"] {
                        let status = try await Self.get(port, route).status
                        #expect(status == 200, "\(route)")
                    }
                }
                try await group.waitForAll()
            }
            var status = try await Self.get(port, "/api/status")
            for _ in 0..<100 where !status.body.contains("\"done\": 12") {
                try await Task.sleep(for: .milliseconds(20))
                status = try await Self.get(port, "/api/status")
            }
            #expect(status.body.contains("\"done\": 12"), "\(status.body)")
            let trials = try await Self.get(port, "/api/trials").body
            #expect(trials.contains("\"worker\":\"w2\"") && trials.contains("\"worker\":\"w3\""))
        }
    }

    @Test func aTokenGuardsEveryRequest() async throws {
        let (path, _) = try await Self.store(done: 1)
        let token = "0123456789abcdef0123"
        try await Self.serving(path, token: token) { (port: Int) async throws -> Void in
            for route in ["/", "/api/trials", "/api/status", "/nope"] {
                #expect(try await Self.get(port, route).status == 401)
                #expect(try await Self.get(port, route, token: token + "x").status == 401)
            }
            #expect(try await Self.get(port, "/api/trials", token: token).status == 200)
        }
        #expect(ConstantTime.equal(Array("abc".utf8), Array("abc".utf8)))
        #expect(!ConstantTime.equal(Array("abc".utf8), Array("abd".utf8)) && !ConstantTime.equal(Array("abc".utf8), Array("ab".utf8)))
    }

    /// A port another server holds: one line saying so, not the socket call's name.
    @Test func aPortInUseIsOneLine() async throws {
        let (path, _) = try await Self.store(done: 0)
        try await Self.serving(path) { (port: Int) async throws -> Void in
            let second = try DashboardRequest(status: StudyStatusRequest(store: path), port: port)
            await #expect(throws: SlopeError.invalidSetting(.port, reason: "cannot listen on 127.0.0.1 port \(port): Address already in use")) {
                try await DashboardJob.run(second)
            }
        }
    }

    /// The job's stop flag ends the server (the CLI raises it on a signal; a library user
    /// without a task to cancel raises it too): `run` returns and the port is closed.
    @Test func theStopFlagEndsTheServer() async throws {
        let (path, _) = try await Self.store(done: 3)
        let request = try DashboardRequest(status: StudyStatusRequest(store: path), port: 0, refresh: 0.05, permutations: 50)
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let context = JobContext()
        let server = Task { try await DashboardJob.run(request, context: context) { port.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        let listening = try #require(await iterator.next())
        #expect(try await Self.get(listening, "/api/status").status == 200)
        context.stop.raise()
        try await server.value
        await #expect(throws: (any Error).self) { _ = try await Self.get(listening, "/api/status") }
    }

    @Test func anAddressOffLoopbackNeedsAToken() throws {
        let status = try StudyStatusRequest(store: "s.sqlite")
        #expect(throws: SlopeError.self) { _ = try DashboardRequest(status: status, host: "0.0.0.0") }
        #expect(throws: SlopeError.self) { _ = try DashboardRequest(status: status, host: "0.0.0.0", token: "short") }
        #expect(try DashboardRequest(status: status, host: "0.0.0.0", token: "0123456789abcdef").host == "0.0.0.0")
        #expect(try DashboardRequest(status: status, host: "::1").token == nil)
        #expect(throws: SlopeError.self) { _ = try DashboardRequest(status: status, port: 70000) }
        #expect(throws: SlopeError.invalidSetting(.refresh, reason: "must be a number of seconds in (0, 3600]")) {
            _ = try DashboardRequest(status: status, refresh: 1e8)
        }
    }
}
