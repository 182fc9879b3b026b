import Foundation
import Hummingbird
import Logging
import NIOCore
import SlopeCore
import SlopeOutput
import SlopeStudy

/// `slope study serve` as a library call: serves a study's live dashboard over HTTP until
/// `context.stop` is raised or the task is cancelled (or SIGINT / SIGTERM when
/// `handleSignals`), reading the store and never writing to it (docs/dashboard.md).
/// An analysis under way when it stops is stopped too.
///
/// Routes, all GET: `/` the overview page, `/analysis` the analysis report, `/api/status`
/// (counts by state and a version that changes with them), `/api/trials` (what `study export
/// --json` writes), `/api/analysis` (what `study analyze --json` writes; 202 while it is
/// computed). Anything else is 404; no file is served from disk.
public enum DashboardJob {
    /// - Parameter listening: called once with the port the server listens on.
    /// - Throws: `SlopeError` when the store cannot be read at the start, or the address
    ///   cannot be bound.
    public static func run(_ request: DashboardRequest, context: JobContext = JobContext(), handleSignals: Bool = false,
                           listening: @escaping @Sendable (Int) -> Void = { _ in }) async throws(SlopeError) {
        try await context.perform { context in try await serve(request, context, handleSignals: handleSignals, listening: listening) }
    }

    private static func serve(_ request: DashboardRequest, _ context: JobContext, handleSignals: Bool,
                              listening: @escaping @Sendable (Int) -> Void) async throws {
        let state = DashboardState(request: request)
        defer { state.stop.raise() }
        // The store must be readable before anything listens: a wrong path is one line, exit 2.
        _ = try await state.current()
        let router = Router()
        if let token = request.token { router.add(middleware: BearerToken(token)) }
        router.get("/") { _, _ in
            html(try await state.rendered("/") { DashboardPage.overview($0, analysis: $1, refresh: request.refresh) })
        }
        router.get("/analysis") { _, _ in
            html(try await state.rendered("/analysis") { DashboardPage.analysis($1, spec: $0.overview.spec) })
        }
        router.get("/api/status") { _, _ in json(try await state.rendered("/api/status") { snapshot, _ in status(snapshot) }) }
        router.get("/api/trials") { _, _ in json(try await state.rendered("/api/trials") { snapshot, _ in TrialsJSON.render(snapshot.overview) }) }
        router.get("/api/analysis") { _, _ -> Response in
            _ = try await state.current()
            switch await state.analysis {
            case let .ready(result, _):
                return json(String(decoding: try JSONOutput.encode(result.analysis), as: UTF8.self))
            case let .computing(n):
                return json("{\"state\": \"computing\", \"finished\": \(n)}\n", status: .accepted)
            case let .failed(message, n):
                return json("{\"state\": \"failed\", \"finished\": \(n), \"reason\": \(quoted(message))}\n", status: .internalServerError)
            case .none:
                return json("{\"state\": \"no finished trial\"}\n", status: .accepted)
            }
        }
        // The server's own log says only what went wrong; slope says where it listens.
        var logger = Logger(label: "slope.serve")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname(request.host, port: request.port), serverName: "slope"),
                              onServerRunning: { channel in listening(channel.localAddress?.port ?? request.port) }, logger: logger)
        do {
            try await withThrowingTaskGroup { group in
                group.addTask { try await app.runService(gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : []) }
                group.addTask { try await context.stop.raised() }
                try await group.next()
                group.cancelAll()
            }
        } catch is CancellationError {
            return
        } catch let error as SlopeError {
            throw error
        } catch let error as IOError {
            // "Address already in use", not the socket call's name.
            throw SlopeError.invalidSetting(.port, reason: "cannot listen on \(request.host) port \(request.port): \(String(cString: strerror(error.errnoCode)))")
        } catch {
            throw SlopeError.invalidSetting(.port, reason: "cannot listen on \(request.host) port \(request.port): \(error)")
        }
    }

    /// `/api/status`: counts by state, the best value of each objective, and a version that
    /// changes whenever a trial changes state or a value.
    static func status(_ snapshot: DashboardState.Snapshot) -> String {
        let o = snapshot.overview
        let counts = TrialState.allCases.map { "\(quoted($0.rawValue)): \(o.count($0))" }.joined(separator: ", ")
        let best = o.best.map { "\(quoted($0.objective.name)): {\"trial\": \($0.trial), \"value\": \($0.value)}" }.joined(separator: ", ")
        let version = TrialState.allCases.map { "\(o.count($0))" }.joined(separator: "-") + "-" + o.best.map { "\($0.trial)" }.joined(separator: ".")
        return "{\"study\": \(quoted(o.spec.name)), \"trials\": \(o.trials.count), \"counts\": {\(counts)}, \"best\": {\(best)}, \"version\": \(quoted(version))}\n"
    }

    private static func quoted(_ s: String) -> String {
        String(decoding: (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    private static func html(_ text: String) -> Response { response(text, type: "text/html; charset=utf-8", status: .ok) }

    private static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        response(text, type: "application/json", status: status)
    }

    private static func response(_ text: String, type: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
