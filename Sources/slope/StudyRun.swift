import ArgumentParser
import Dispatch
import Foundation
import SlopeCore
import SlopeOutput
import SlopeStudy
import SlopeStudyPostgres

/// `slope study run SPEC --store FILE`: runs (or resumes) a study.
struct StudyRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a study from its YAML spec; the same command resumes it after Ctrl-C or a crash.",
        discussion: """
            Every trial is a child process (the spec's command: or trainer:); its last stdout line is a \
            JSON object of metrics. Finished trials are kept in the store (SQLite); trials that were \
            running when the study stopped run again.
            """)

    @Argument(help: "The study spec (YAML).") var spec: String
    @Option(help: "The trial store: an SQLite file (default: the spec's name with .sqlite, in the current folder) or a PostgreSQL URL, postgresql://user@host:port/database, shared by workers on many machines.")
    var store: String?
    @Option(parsing: .unconditional, help: "Trials run at once (default: the number of --gpus, else 1).") var jobs: Int?
    @Option(help: "Devices, one per job slot, e.g. 0,1,2,3: each trial sees its slot's CUDA_VISIBLE_DEVICES and {gpu}.")
    var gpus: String?
    @Option(parsing: .unconditional, help: "Seconds between renewals of this worker's leases.") var heartbeat: Double = 10
    @Option(parsing: .unconditional, help: "Seconds without a renewal after which any worker takes a running trial back.")
    var lease: Double = 60
    @Flag(name: .customLong("retry-failed"), help: "Run failed trials again.") var retryFailed = false
    @Flag(help: "No progress bar.") var quiet = false

    func run() async throws {
        let request = try StudyRunRequest(
            specPath: spec, store: store, opener: .withPostgres, jobs: jobs, retryFailed: retryFailed,
            lease: LeaseSettings(heartbeat: heartbeat, lease: lease),
            gpus: gpus.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? [],
            slopeExecutable: Self.executable)
        let study = request.spec, storePath = request.store
        if request.opener.isFile(storePath) { try OutputFiles.checkWritable(storePath) }
        let stop = StopFlag()
        let signals = Self.stopOnSignals(stop, quiet: quiet)
        defer { signals.forEach { $0.cancel() } }
        let bar = !quiet && Terminal.stderrIsTerminal ? ProgressBar(objective: study.primaryObjective) : nil
        let context = JobContext(stop: stop, note: { line in if !quiet { Terminal.note("\n" + line) } })
        let result: StudyRunResult
        do throws(SlopeError) {
            result = try await StudyRunJob.run(request, context: context, trials: { bar?.draw($0) })
        } catch {
            // Stopped while the store was being opened (a database restarting): no trial ran.
            if case .cancelled = error, let signal = stop.signal { Foundation.exit(128 + signal) }
            throw error
        }
        let final = result.progress
        bar?.finish()
        if !quiet {
            let best = final.best.map { ", best \(study.primaryObjective.name) \(ProgressBar.number($0))" } ?? ""
            Terminal.note("\(final.finished)/\(counted(final.total, "trial")) finished (\(final.failed) failed\(final.pruned > 0 ? ", \(final.pruned) pruned" : ""))\(best); store: \(request.opener.shown(storePath))")
        }
        for c in result.unreportedConstraints {
            Terminal.note("warning: no trial reports \(Shown.quoted(c.name)), so every trial breaks the constraint \(Shown.bare(c.text, limit: 80)) (a misspelt metric?)")
        }
        if result.stopped {
            Terminal.note("stopped: run the same command to resume")
            // 128 + the signal, as a shell reports it: 130 for Ctrl-C, 143 for SIGTERM.
            Foundation.exit(128 + (stop.signal ?? SIGINT))
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
                stop.raise(signal: number)
            }
            source.resume()
            return source
        }
    }
}
