import ArgumentParser
import Dispatch
import Foundation
import SlopeCore
import SlopeOutput

/// Output files of a command, written only after every result is computed, all or none:
/// each goes to a temporary file beside its target, and the temporaries are renamed once
/// all are written. On an error, or Ctrl-C / SIGTERM while writing, the temporaries are
/// removed and no target is touched. The path `-` is standard output, written last; so is a
/// target that exists and is not a regular file (`/dev/null`, a named pipe, `/dev/stdout`),
/// written straight into: renaming over it would replace the device or pipe with a file.
struct OutputFiles {
    /// What goes into one file: bytes at hand, or a writer that streams them.
    enum Content {
        case data(Data)
        case stream((TextStream) throws -> Void)
    }

    private var pending: [(path: String, content: Content)] = []

    /// The path that means standard output.
    static let standardOutput = "-"

    /// Fails early when `path`'s folder does not exist.
    static func checkWritable(_ path: String?) throws {
        guard let path, path != standardOutput else { return }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw SlopeError.unwritable(file: path, reason: "the folder \(folder) does not exist")
        }
    }

    /// Fails when more than one of `paths` is standard output.
    static func checkOneStandardOutput(_ paths: [String?]) throws {
        guard paths.filter({ $0 == standardOutput }).count <= 1 else {
            throw ValidationError("only one output can go to standard output (-)")
        }
    }

    mutating func add(_ path: String?, _ data: @autoclosure () throws -> Data) rethrows {
        guard let path else { return }
        pending.append((path, .data(try data())))
    }

    /// An output written by `writer` as it goes (memory: the writer's buffer, not the file).
    mutating func add(_ path: String?, stream writer: @escaping (TextStream) throws -> Void) {
        guard let path else { return }
        pending.append((path, .stream(writer)))
    }

    /// True when an output goes to standard output (the command then prints nothing else there).
    var usesStandardOutput: Bool { pending.contains { $0.path == Self.standardOutput } }

    func write() throws {
        let guard_ = TemporaryFiles()
        defer { guard_.finish() }
        let files = pending.filter { $0.path != Self.standardOutput && !Self.isSpecial($0.path) }
        let special = pending.filter { $0.path != Self.standardOutput && Self.isSpecial($0.path) }
        for (path, _) in files {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                throw SlopeError.unwritable(file: path, reason: "it is a folder")
            }
        }
        var written: [(temporary: String, target: String)] = []
        for (k, (path, content)) in files.enumerated() {
            let url = URL(fileURLWithPath: path)
            Self.removeStaleTemporaries(of: url)
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).slope-\(getpid())-\(k).tmp").path
            guard_.register(temporary)
            do {
                try Self.write(content, to: temporary, name: path)
            } catch {
                guard_.removeAll()
                if let error = error as? SlopeError { throw error }
                throw SlopeError.unwritable(file: path, reason: Self.reason(for: url.deletingLastPathComponent().path))
            }
            written.append((temporary, path))
        }
        for (temporary, target) in written where rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            guard_.removeAll()
            throw SlopeError.unwritable(file: target, reason: reason)
        }
        for (path, content) in special {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw SlopeError.unwritable(file: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            try Self.write(content, into: TextStream(descriptor: descriptor, name: path))
        }
        if let out = pending.first(where: { $0.path == Self.standardOutput }) {
            try Self.write(out.content, into: TextStream(descriptor: STDOUT_FILENO, name: "standard output"))
        }
    }

    /// Removes the temporaries of `target` that a killed slope left (SIGKILL gives no time to
    /// remove them): `.NAME.slope-PID-K.tmp` beside it whose process is gone. A live process's
    /// (another slope writing the same file now) are left alone.
    private static func removeStaleTemporaries(of target: URL) {
        let folder = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).slope-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let parts = name.dropFirst(prefix.count).dropLast(4).split(separator: "-")
            guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, Int(parts[1]) != nil else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder.appendingPathComponent(name).path) }
        }
    }

    /// True for a path that exists (through links) and is not a regular file or a folder.
    private static func isSpecial(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    private static func write(_ content: Content, into stream: TextStream) throws {
        switch content {
        case .data(let data): try stream.write(data)
        case .stream(let writer): try writer(stream)
        }
        try stream.flush()
    }

    /// Writes `content` to the file at `path` (created), naming `name` in errors.
    private static func write(_ content: Content, to path: String, name: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SlopeError.unwritable(file: name, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try write(content, into: TextStream(descriptor: descriptor, name: name))
    }

    private static func reason(for folder: String) -> String {
        access(folder, W_OK) == 0 ? "cannot create a file there" : "permission denied in \(folder)"
    }
}

/// The temporary files of one write: removed on an error, or when Ctrl-C or SIGTERM arrives
/// while they exist (the process then exits 130 or 143).
private final class TemporaryFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []
    private var sources: [any DispatchSourceSignal] = []

    init() {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                lock.lock()  // held until exit: nothing more is written
                for path in paths { unlink(path) }
                // 128 + the signal, as a shell reports it: 130 for Ctrl-C, 143 for SIGTERM.
                _exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    func register(_ path: String) { lock.withLock { paths.append(path) } }

    func removeAll() {
        lock.withLock {
            for path in paths { unlink(path) }
            paths = []
        }
    }

    /// The write is over (renamed or removed): signals act as before.
    func finish() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
