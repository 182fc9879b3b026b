import ArgumentParser
import Foundation
import SlopeCore
import SlopeStudy
import SlopeStudyPostgres

/// `slope study export STORE --csv OUT --json OUT`.
struct StudyExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a study's trials as CSV (one row a trial) and/or JSON.")

    @Argument(help: "The trial store: an SQLite file or a PostgreSQL URL.") var store: String
    @Option(help: "The study to read, when the database holds several.") var study: String?
    @Option(help: "CSV: id,state, one column a parameter, one an objective, wall_time_s,peak_rss_bytes.")
    var csv: String?
    @Option(help: "JSON: the study and every trial with all its metrics (docs/study-json.md).") var json: String?
    @Flag(help: "No messages.") var quiet = false

    func run() async throws {
        guard csv != nil || json != nil else {
            throw ValidationError("give --csv FILE and/or --json FILE")
        }
        for path in [csv, json] { try OutputFiles.checkWritable(path) }
        let study = try await StudyStatusJob.run(StudyStatusRequest(store: store, study: self.study, opener: .withPostgres))
        var files = OutputFiles()
        files.add(csv, Data(TrialsCSV.render(study).utf8))
        // The spec beside the CSV keeps the types and objectives for `study analyze`.
        if let csv, csv != OutputFiles.standardOutput {
            files.add(ExportedTrials.specPath(for: csv), Data(study.spec.source.utf8))
        }
        files.add(json, Data(TrialsJSON.render(study).utf8))
        try files.write()
        if !quiet { Terminal.note("exported \(counted(study.trials.count, "trial"))") }
    }
}
