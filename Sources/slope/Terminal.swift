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

    /// Shows `message` on the progress line (until the next progress line or `clearStatus`),
    /// unless `quiet` or stderr is not a terminal.
    static func status(_ message: String, quiet: Bool) {
        guard !quiet && stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\(message)\u{1B}[K".utf8))
    }

    /// Clears the progress line.
    static func clearStatus(quiet: Bool) { status("", quiet: quiet) }

    /// True when stderr is a terminal, so that a progress line can redraw itself.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A progress counter that redraws one stderr line, or `nil` when `quiet` or stderr is
    /// not a terminal.
    static func progress(_ label: String, total: Int, quiet: Bool) -> ProgressCounter? {
        guard let line = progressLine(label, quiet: quiet, format: { "\($0)/\($1)" }) else { return nil }
        return ProgressCounter(total: total, report: line)
    }

    /// A (done bytes, total bytes) callback that redraws one stderr line, or `nil` when
    /// `quiet` or stderr is not a terminal.
    static func byteProgress(_ label: String, quiet: Bool) -> (@Sendable (Int, Int) -> Void)? {
        progressLine(label, quiet: quiet) { done, total in
            String(format: "%.0f/%.0f MB", Double(done) / 1e6, Double(total) / 1e6)
        }
    }

    /// Draws "label: percent% (amounts)" whenever the percentage changes; clears the line at the end.
    private static func progressLine(_ label: String, quiet: Bool,
                                     format: @escaping @Sendable (Int, Int) -> String) -> (@Sendable (Int, Int) -> Void)? {
        guard !quiet && stderrIsTerminal else { return nil }
        nonisolated(unsafe) var lastPercent = -1
        return { done, total in
            let percent = done * 100 / max(1, total)
            guard percent != lastPercent else { return }
            lastPercent = percent
            let end = done >= total ? "\r\u{1B}[K" : ""
            FileHandle.standardError.write(Data("\r\(label): \(percent)% (\(format(done, total)))\(end)".utf8))
        }
    }
}
