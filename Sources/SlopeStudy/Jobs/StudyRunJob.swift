import Foundation
import SlopeCore

/// Everything `slope study run` needs.
public struct StudyRunRequest: Sendable {
    /// The spec, read and checked when the request is made.
    public let spec: StudySpec
    /// The trial store (SQLite file).
    public let store: String
    /// Trials run at once, at least 1.
    public let jobs: Int
    /// Run failed trials again.
    public let retryFailed: Bool
    /// The slope executable that `trainer:` specs run as the trial's child.
    public let slopeExecutable: String

    /// Reads the spec at `specPath`; the store defaults to the spec file's name with `.sqlite`
    /// in the current folder.
    /// - Throws: `SlopeError` for a bad spec (file, line, key), a program that cannot be found,
    ///   or fewer than 1 job.
    public init(specPath: String, store: String? = nil, jobs: Int = 1, retryFailed: Bool = false,
                slopeExecutable: String) throws {
        guard jobs >= 1 else { throw SlopeError.invalidSetting(.jobs, reason: "must be at least 1") }
        spec = try SpecReader.read(path: specPath)
        _ = try TrialRunner.checked(spec: spec, slopeExecutable: slopeExecutable)
        self.store = store ?? URL(fileURLWithPath: specPath).deletingPathExtension().lastPathComponent + ".sqlite"
        self.jobs = jobs
        self.retryFailed = retryFailed
        self.slopeExecutable = slopeExecutable
    }
}

/// How a run of a study ended.
public struct StudyRunResult: Sendable {
    /// The study's counts and best value at the end.
    public let progress: StudyProgress
    /// The reason most failed trials give, with how many give it; nil when none failed.
    public let commonestFailure: (reason: String, count: Int)?

    /// True when trials failed and none finished with a result: the study learned nothing.
    public var everyTrialFailed: Bool { progress.done == 0 && progress.failed > 0 }
}

/// `slope study run` as a library call.
public enum StudyRunJob {
    /// Creates or resumes the study in the store and runs its pending trials until none is
    /// left or `stop` is raised; `progress` sees the study after every finished trial.
    /// - Returns: the study's state at the end, and its commonest failure.
    /// - Throws: `SlopeError` for a store that cannot be used or holds another spec's study.
    public static func run(_ request: StudyRunRequest, stop: StopFlag,
                           progress: @escaping @Sendable (StudyProgress) -> Void = { _ in }) throws -> StudyRunResult {
        let store = try TrialStore(path: request.store)
        let runner = try StudyRunner(spec: request.spec, store: store, slopeExecutable: request.slopeExecutable,
                                     jobs: request.jobs, retryFailed: request.retryFailed)
        let final = try runner.run(stop: stop, report: progress)
        guard final.failed > 0 else { return StudyRunResult(progress: final, commonestFailure: nil) }
        let failures = try store.trials(space: request.spec.space).compactMap { $0.state == .failed ? $0.failure ?? "unknown" : nil }
        let counts = Dictionary(failures.map { ($0, 1) }, uniquingKeysWith: +)
        let commonest = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
        return StudyRunResult(progress: final, commonestFailure: commonest.map { (reason: $0.key, count: $0.value) })
    }
}
