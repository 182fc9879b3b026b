import Foundation
import SlopeCore
import SlopeOutput

/// Writing to the terminal: errors, warnings and progress go to stderr, results to stdout.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("slope: error: \(Shown.printable(message))\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("slope: warning: \(Shown.printable(message))\n".utf8))
    }

    /// A result on stdout (a table, a status), its control characters escaped: names and
    /// values come from users' files.
    static func show(_ text: String) {
        print(Shown.printable(text), terminator: "")
    }

    /// Warns that the constant columns `names` of `file` were left out.
    static func warnConstant(_ names: [String], in file: String) {
        for name in names { warning("\(file): column \"\(name)\" is constant and is left out") }
    }

    /// A message for the user that is not a result (stderr).
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(Shown.printable(message))\n".utf8))
    }

    /// Shows `message` on the progress line (until the next progress line or `clearStatus`),
    /// unless `quiet` or stderr is not a terminal.
    static func status(_ message: String, quiet: Bool) {
        guard !quiet && stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\(Shown.printable(message))\u{1B}[K".utf8))
    }

    /// Clears the progress line.
    static func clearStatus(quiet: Bool) { status("", quiet: quiet) }

    /// True when stderr is a terminal, so that a progress line can redraw itself.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The progress of a job on one stderr line, or `nil` when `quiet` or stderr is not a terminal.
    static func progress(quiet: Bool) -> (any ProgressReporter)? {
        guard !quiet && stderrIsTerminal else { return nil }
        return TerminalProgress()
    }

}

/// Draws "stage: percent% (amounts)" on one stderr line whenever the percentage changes, and
/// clears it when the stage ends.
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var lastPercent: [JobStage: Int] = [:]

    func report(_ stage: JobStage, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = done * 100 / max(1, total)
        guard percent != lastPercent[stage] else { return }
        lastPercent[stage] = percent
        let amounts = stage == .reading
            ? String(format: "%.0f/%.0f MB", Double(done) / 1e6, Double(total) / 1e6) : "\(done)/\(total)"
        let end = done >= total ? "\r\u{1B}[K" : ""
        FileHandle.standardError.write(Data("\r\(stage.rawValue): \(percent)% (\(amounts))\(end)".utf8))
    }

    func started(_ stage: JobStage) {
        guard stage == .baselines else { return }
        FileHandle.standardError.write(Data("\rreading the histories; Spearman, Pearson and HSIC baselines ...\u{1B}[K".utf8))
    }
}
