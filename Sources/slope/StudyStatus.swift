import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput
import SlopeStudy
import SlopeStudyPostgres

/// `slope study status STORE`: counts, the best trial, times and memory, failures.
struct StudyStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Summarise a study store.")

    @Argument(help: "The trial store: an SQLite file or a PostgreSQL URL (postgresql://user@host:port/database).")
    var store: String
    @Option(help: "The study to read, when the database holds several.") var study: String?
    @Option(parsing: .unconditional, help: "Seconds without a heartbeat after which a worker's lease counts as expired.")
    var lease: Double = 60
    @Flag(help: "Print only the counts line.") var quiet = false

    func run() async throws {
        Terminal.show(StudyStatusText.render(try await StudyStatusJob.run(StudyStatusRequest(store: store, study: study, lease: lease, opener: .withPostgres)),
                                             countsOnly: quiet))
    }
}
