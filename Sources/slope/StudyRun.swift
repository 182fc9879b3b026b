import ArgumentParser
import Dispatch
import Foundation
import SlopeCore
import SlopeOutput
import SlopeStudy

/// `slope study run SPEC --store FILE`: runs (or resumes) a study.
struct StudyRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a study from its YAML spec; the same command resumes it after Ctrl-C or a crash.",
        discussion: """
            Every trial is a child process (the spec's command: or trainer:); its last stdout line is a \
            JSON object of metrics. Finished trials are kept in the store (SQLite); trials that were \
            running when the study stopped run again.
            """)

    @Argument(help: "The study spec (YAML).") var spec: String
    @Option(help: "The trial store (SQLite; default: the spec's name with .sqlite, in the current folder).")
    var store: String?
    @Option(parsing: .unconditional, help: "Trials run at once.") var jobs = 1
    @Flag(name: .customLong("retry-failed"), help: "Run failed trials again.") var retryFailed = false
    @Flag(help: "No progress bar.") var quiet = false

    func run() throws {
        let request = try StudyRunRequest(specPath: spec, store: store, jobs: jobs, retryFailed: retryFailed,
                                          slopeExecutable: Self.executable)
        let study = request.spec, storePath = request.store
        try OutputFiles.checkWritable(storePath)
        let stop = StopFlag()
        let signals = Self.stopOnSignals(stop, quiet: quiet)
        defer { signals.forEach { $0.cancel() } }
        let bar = !quiet && Terminal.stderrIsTerminal ? ProgressBar(objective: study.primaryObjective) : nil
        let result = try StudyRunJob.run(request, stop: stop) { bar?.draw($0) }
        let final = result.progress
        bar?.finish()
        if !quiet {
            let best = final.best.map { ", best \(study.primaryObjective.name) \(ProgressBar.number($0))" } ?? ""
            Terminal.note("\(final.finished)/\(final.total) trials finished (\(final.failed) failed)\(best); store: \(storePath)")
        }
        if stop.isSet {
            Terminal.note("stopped: run the same command to resume")
            Foundation.exit(130)
        }
        if result.everyTrialFailed, let (reason, count) = result.commonestFailure {
            Terminal.error("every trial failed (\(final.failed)); the commonest failure, in \(count) of them: \(Shown.bare(reason, limit: 200))")
            Foundation.exit(1)
        }
    }

    /// The running slope executable, which `trainer:` specs run as the child.
    static var executable: String {
        #if os(Linux)
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        #else
        return URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).resolvingSymlinksInPath().path
        #endif
    }

    /// Ctrl-C and SIGTERM raise `stop`: running trials are stopped and put back to pending.
    static func stopOnSignals(_ stop: StopFlag, quiet: Bool) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if !quiet { Terminal.note("\nstopping: running trials are stopped and will run again on resume") }
                stop.raise()
            }
            source.resume()
            return source
        }
    }
}
