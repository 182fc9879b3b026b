import ArgumentParser

/// `slope study`: run, inspect and export hyperparameter studies.
struct Study: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study", abstract: "Hyperparameter studies: run, status, export, analyze, import, serve.",
        subcommands: [StudyRun.self, StudyStatus.self, StudyExport.self, StudyAnalyze.self, StudyImport.self, StudyServe.self])
}
