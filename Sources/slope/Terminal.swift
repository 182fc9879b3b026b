import Foundation
import SlopeCore

/// Writing to the terminal: errors, warnings and progress go to stderr, results to stdout.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("slope: error: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("slope: warning: \(message)\n".utf8))
    }

    /// A message for the user that is not a result (stderr).
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// True when stderr is a terminal, so that a progress line can redraw itself.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A progress counter that redraws one stderr line, or `nil` when `quiet` or stderr is
    /// not a terminal.
    static func progress(_ label: String, total: Int, quiet: Bool) -> ProgressCounter? {
        guard !quiet && stderrIsTerminal else { return nil }
        nonisolated(unsafe) var lastPercent = -1
        return ProgressCounter(total: total) { done, total in
            let percent = done * 100 / max(1, total)
            guard percent != lastPercent else { return }
            lastPercent = percent
            let end = done >= total ? "\r\u{1B}[K" : ""
            FileHandle.standardError.write(Data("\r\(label): \(percent)% (\(done)/\(total))\(end)".utf8))
        }
    }
}
