import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput
import SlopeStudy

/// `slope study import OPTUNA.db --study NAME --store OUT.sqlite`: an Optuna study as a slope store.
struct StudyImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Copy a study from Optuna's SQLite storage into a new slope store.",
        discussion: """
            Finished trials are copied: COMPLETE as done (their values as metrics, named by the study's \
            metric names or "value"), FAIL and PRUNED as failed; running and waiting trials are left out. \
            Optuna's distributions become the spec's parameters. The store can then be analysed, \
            exported and inspected like one slope ran; it cannot be run.
            """)

    @Argument(help: "Optuna's SQLite storage file.") var optuna: String
    @Option(help: "The Optuna study (when the storage holds several).") var study: String?
    @Option(help: "The new slope store (SQLite) to write.") var store: String
    @Flag(help: "Print nothing.") var quiet = false

    func run() async throws {
        let request = try StudyImportRequest(optuna: optuna, study: study, store: store)
        try OutputFiles.checkWritable(store)
        let result = try await StudyImportJob.run(request)
        if !quiet {
            let curves = result.curves > 0 ? "; \(result.curves) with learning curves (intermediate values)" : ""
            Terminal.show("imported study \(result.name): \(counted(result.trials, "trial")) (\(result.done) done, \(result.trials - result.done) failed or pruned\(curves)) into \(store)\n")
        }
    }
}
