import ArgumentParser
import Foundation
import SlopeCore
import SlopeServe
import SlopeStudy
import SlopeStudyPostgres

/// `slope study serve STORE`: the study's live dashboard in a browser, read-only.
struct StudyServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve a study's live dashboard (read-only) over HTTP.",
        discussion: """
            Pages: the overview (state, history, learning curves, trials) and the analysis; JSON: \
            /api/status, /api/trials (as study export --json), /api/analysis (as study analyze --json). \
            Listens on 127.0.0.1 unless --host says otherwise; any other address needs --token, and then \
            every request must carry Authorization: Bearer TOKEN. Ctrl-C stops it.
            """)

    @Argument(help: "The trial store: an SQLite file or a PostgreSQL URL (postgresql://user@host:port/database).")
    var store: String
    @Option(help: "The study to show, when the database holds several.") var study: String?
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(parsing: .unconditional, help: "The TCP port.") var port = 8600
    @Option(help: "A secret every request must carry (Authorization: Bearer TOKEN); required off loopback.") var token: String?
    @Option(parsing: .unconditional, help: "Seconds a reading of the store is served before it is read again.") var refresh: Double = 1
    @Option(parsing: .unconditional, help: "Permutations of the analysis shown.") var permutations = 1000
    @Option(parsing: .unconditional, help: "Seconds without a heartbeat after which a worker's lease counts as expired.")
    var lease: Double = 60
    @Flag(help: "Print nothing but errors.") var quiet = false

    func run() async throws {
        let request = try DashboardRequest(status: StudyStatusRequest(store: store, study: study, lease: lease, opener: .withPostgres),
                                           host: host, port: port, token: token, refresh: refresh, permutations: permutations)
        let quiet = self.quiet, host = self.host
        try await DashboardJob.run(request, handleSignals: true) { port in
            guard !quiet else { return }
            let shown = host.contains(":") ? "[\(host)]" : host
            Terminal.note("serving the study at http://\(shown):\(port)/ (read-only; Ctrl-C stops)")
        }
    }
}
