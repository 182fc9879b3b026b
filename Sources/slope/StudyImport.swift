import ArgumentParser
import Foundation
import SlopeStudy

/// `slope study import OPTUNA.db --study NAME --store OUT.sqlite`: an Optuna study as a slope store.
struct StudyImport: ParsableCommand {
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

    func run() throws {
        guard !FileManager.default.fileExists(atPath: store) else {
            throw StudyError.store(store, "already exists; import into a new store")
        }
        try OutputFiles.checkWritable(store)
        let source = try OptunaStudy(path: optuna, study: study)
        let text = source.specText()
        let spec = try SpecReader.parse(text, file: "\(optuna) (Optuna study \"\(source.name)\")", folder: "")
        let trials = source.storedTrials()
        let target = try TrialStore(path: store)
        try target.createImported(name: spec.name, spec: text, fingerprint: try spec.fingerprint(), trials: trials)
        if !quiet {
            let done = trials.filter { $0.state == .done }.count
            print("imported study \(source.name): \(trials.count) trials (\(done) done, \(trials.count - done) failed or pruned) into \(store)")
        }
    }
}
