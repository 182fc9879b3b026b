import Foundation

/// A fresh folder for one test, with helpers to write executable scripts into it.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("slope-study-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes an executable script (run directly through its #! line, not by `sh -c`).
    @discardableResult
    func script(_ name: String, _ body: String, interpreter: String = "/bin/sh") throws -> String {
        let path = file(name)
        // Opened close-on-exec: a child another test spawns meanwhile must not inherit the
        // descriptor, or running the script fails with "Text file busy" for that child's life.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        let bytes = Array(("#!\(interpreter)\n" + body + "\n").utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw CocoaError(.fileWriteUnknown)
        }
        return path
    }
}
