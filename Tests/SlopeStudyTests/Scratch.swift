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
        try ("#!\(interpreter)\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }
}
