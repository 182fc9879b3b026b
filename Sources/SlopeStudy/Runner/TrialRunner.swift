import SlopeCore
import Foundation

/// Runs one trial as a child process and reads its result: the last non-empty stdout line
/// must be a JSON object holding every objective as a finite number.
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

    /// Runs `trial`; nil when `stop` interrupted it (it should run again).
    public func run(_ trial: StoredTrial, stop: StopFlag) -> TrialOutcome? {
        let values = spec.space.values(fromJSON: trial.parametersJSON)
        guard let arguments = template.arguments(values: values, seed: trial.seed, id: trial.id) else {
            return .failed(reason: "the command is empty for this trial (its program names an inactive parameter)",
                           stderrTail: "", wallTime: nil, peakRSS: nil)
        }
        let child = ChildProcess(
            arguments: arguments, folder: spec.folder,
            environment: ["SLOPE_TRIAL_PARAMS": trial.parametersJSON, "SLOPE_TRIAL_ID": "\(trial.id)",
                          "SLOPE_TRIAL_SEED": "\(trial.seed)"],
            timeout: spec.timeout)
        let result = child.run(stop: stop)
        let tail = result.stderr.split(whereSeparator: \.isNewline).suffix(Self.stderrLines).joined(separator: "\n")
        func failed(_ reason: String) -> TrialOutcome {
            .failed(reason: reason, stderrTail: tail, wallTime: result.wallTime, peakRSS: result.peakRSS)
        }
        switch result.ending {
        case .interrupted: return nil
        case let .notStarted(reason): return .failed(reason: "cannot run \(arguments[0]): \(reason)", stderrTail: "", wallTime: nil, peakRSS: nil)
        case .timedOut: return failed("timed out after \(spec.timeout ?? 0) s")
        case let .signaled(s): return failed("killed by signal \(s)")
        case let .exited(code) where code != 0: return failed("exit status \(code)")
        case .exited: break
        }
        switch Self.metrics(stdout: result.stdout, objectives: spec.objectives) {
        case let .success(json): return .done(metricsJSON: json, wallTime: result.wallTime, peakRSS: result.peakRSS)
        case let .failure(problem): return failed(problem.description)
        }
    }

    /// The numbers of the last non-empty stdout line as a sorted JSON object, or why not.
    static func metrics(stdout: String, objectives: [Objective]) -> Result<String, SlopeError> {
        guard let line = stdout.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return .failure(SlopeError.metrics(reason: "printed nothing on stdout (expected a JSON object of metrics as its last line)"))
        }
        guard let pairs = JSONValue.parse(String(line))?.pairs else {
            return .failure(SlopeError.metrics(reason: "the last stdout line is not a JSON object: \(line.prefix(80))"))
        }
        // Finite numbers only, each key once (the first), sorted by key.
        var seen = Set<String>()
        let numbers = pairs.compactMap { p -> (String, String)? in
            guard let x = p.value.double, x.isFinite, seen.insert(p.key).inserted else { return nil }
            return (p.key, "\(x)")
        }.sorted { $0.0 < $1.0 }
        for o in objectives where !numbers.contains(where: { $0.0 == o.name }) {
            return .failure(SlopeError.metrics(reason: "the metrics lack the objective '\(o.name)' as a finite number: \(line.prefix(80))"))
        }
        return .success(JSONText.object(numbers))
    }
}

extension ParameterSpace {
    /// The active parameters stored as a JSON object, typed by their domains, in spec order.
    public func values(fromJSON json: String) -> [(name: String, value: ParameterValue)] {
        let pairs = JSONValue.parse(json)?.pairs ?? []
        return parameters.compactMap { p in
            guard let raw = pairs.first(where: { $0.key == p.name })?.value else { return nil }
            return (p.name, p.domain.typed(raw))
        }
    }
}

extension Domain {
    /// A stored JSON value as this domain's kind of value.
    func typed(_ raw: JSONValue) -> ParameterValue {
        switch self {
        case .uniform, .logUniform, .quantized: return .real(raw.double ?? .nan)
        case .intUniform: return .integer(raw.double.flatMap { Int(exactly: $0) } ?? 0)
        case let .values(list):
            return list.first { JSONValue.parse($0.json) == raw } ?? .text("\(raw)")
        }
    }
}
