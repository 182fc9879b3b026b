import SlopeCore
import Foundation

/// Runs one trial as a child process and reads its result: the last non-empty stdout line
/// must be a JSON object holding every objective as a finite number; earlier lines that are
/// JSON objects with a whole `"step"` are step reports (README, "trial contract").
public struct TrialRunner: Sendable {
    public let spec: StudySpec
    /// The command template, `slope` resolved to the running executable.
    public let template: CommandTemplate

    public init(spec: StudySpec, slopeExecutable: String) {
        self.spec = spec
        template = CommandTemplate(tokens: spec.run.template(slopeExecutable: slopeExecutable))
    }

    /// A runner whose program exists; fails before any trial runs otherwise.
    public static func checked(spec: StudySpec, slopeExecutable: String) throws(SlopeError) -> TrialRunner {
        let runner = TrialRunner(spec: spec, slopeExecutable: slopeExecutable)
        guard runner.template.programExists(in: spec.folder) else {
            throw SlopeError.program(reason: "command: cannot find the program '\(runner.template.tokens[0])' (an executable file relative to \(spec.folder), or a name on PATH)")
        }
        return runner
    }

    /// Lines of stderr kept for a failed trial.
    static let stderrLines = 20

    /// Runs `trial`, on the device `gpu` when given (`CUDA_VISIBLE_DEVICES`, `{gpu}`), handing
    /// its step reports to `monitor` as they come; nil when `stop` interrupted it (it should
    /// run again).
    func run(_ trial: StoredTrial, stop: StopFlag, gpu: String? = nil, monitor: TrialMonitor? = nil) -> TrialOutcome? {
        guard let arguments = template.arguments(values: trial.parameters, seed: trial.seed, id: trial.id, gpu: gpu) else {
            return .failed(reason: "the command is empty for this trial (its program names an inactive parameter)",
                           stderrTail: "", wallTime: nil, peakRSS: nil)
        }
        let child = ChildProcess(
            arguments: arguments, folder: spec.folder,
            environment: ["SLOPE_TRIAL_PARAMS": trial.parameters.json, "SLOPE_TRIAL_ID": "\(trial.id)",
                          "SLOPE_TRIAL_SEED": "\(trial.seed)"].merging(gpu.map { ["CUDA_VISIBLE_DEVICES": $0] } ?? [:]) { a, _ in a },
            timeout: spec.timeout)
        let result = child.run(stop: stop, prune: monitor?.prune, pruneGrace: spec.pruner?.grace ?? ChildProcess.stopGrace,
                               lines: monitor.map { m in { m.accept($0) } })
        let tail = result.stderr.split(whereSeparator: \.isNewline).suffix(Self.stderrLines).joined(separator: "\n")
        func failed(_ reason: String) -> TrialOutcome {
            .failed(reason: reason, stderrTail: tail, wallTime: result.wallTime, peakRSS: result.peakRSS)
        }
        switch result.ending {
        case .interrupted: return nil
        case .pruned:
            guard let last = monitor?.prunedAt else { return failed("stopped by the pruner without a step report") }
            return .pruned(last: last, wallTime: result.wallTime, peakRSS: result.peakRSS)
        case let .notStarted(reason): return .failed(reason: "cannot run \(arguments[0]): \(reason)", stderrTail: "", wallTime: nil, peakRSS: nil)
        case .timedOut: return failed("timed out after \(spec.timeout ?? 0) s")
        case let .signaled(s): return failed("killed by signal \(s)")
        case let .exited(code) where code != 0: return failed("exit status \(code)")
        case .exited: break
        }
        switch Self.metrics(lastLine: result.lastLine, objectives: spec.objectives) {
        case let .success(metrics): return .done(metrics: metrics, wallTime: result.wallTime, peakRSS: result.peakRSS)
        case let .failure(problem): return failed(problem.description)
        }
    }

    /// The finite numbers of the last non-empty stdout line (a JSON object), or why not.
    static func metrics(lastLine: ChildProcess.LastLine, objectives: [Objective]) -> Result<TrialMetrics, SlopeError> {
        let stdout: String
        switch lastLine {
        case let .text(text): stdout = text
        case let .tooLong(bytes):
            return .failure(SlopeError.metrics(reason: "the last stdout line has \(bytes) bytes; slope reads a metrics line of at most \(ChildProcess.lineLimit) bytes (4 MiB)"))
        }
        guard let line = stdout.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return .failure(SlopeError.metrics(reason: "printed nothing on stdout (expected a JSON object of metrics as its last line)"))
        }
        guard let pairs = JSONValue.parse(String(line))?.pairs else {
            return .failure(SlopeError.metrics(reason: "the last stdout line is not a JSON object: \(line.prefix(80))"))
        }
        guard !pairs.contains(where: { $0.key == StepReport.stepKey }) else {
            return .failure(SlopeError.metrics(reason: "the last stdout line is a step report (it has \"step\"); end with the final metrics, a JSON object without \"step\": \(line.prefix(80))"))
        }
        // Finite numbers only, each key once (the first), sorted by key.
        let metrics = TrialMetrics(finiteNumbersOf: pairs)
        for o in objectives where metrics[o.name] == nil {
            return .failure(SlopeError.metrics(reason: "the metrics lack the objective '\(o.name)' as a finite number: \(line.prefix(80))"))
        }
        return .success(metrics)
    }
}
