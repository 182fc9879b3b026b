import CSpawn
import SlopeCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One child process, run without a shell in its own process group, with stdout and stderr
/// captured in unlinked temporary files and its resource usage read by `wait4`.
public struct ChildProcess: Sendable {
    public let arguments: [String]
    /// The working directory of the child.
    public let folder: String
    /// Added to (or replacing) the parent's environment.
    public let environment: [String: String]
    /// Seconds after which the child's process group is killed.
    public let timeout: Double?

    public init(arguments: [String], folder: String, environment: [String: String] = [:], timeout: Double? = nil) {
        self.arguments = arguments
        self.folder = folder
        self.environment = environment
        self.timeout = timeout
    }

    /// How the child ended.
    public struct Result: Sendable {
        public enum Ending: Sendable, Equatable {
            case exited(Int32), signaled(Int32), timedOut, interrupted
            /// Stopped by the study's pruner (`prune`).
            case pruned
            /// The program could not be started (errno text).
            case notStarted(String)
        }
        public let ending: Ending
        public let wallTime: Double
        /// Peak resident set size of the child, bytes; nil when it could not be measured (a
        /// child smaller than this process that ended before /proc could be read).
        public let peakRSS: Int?
        /// The last non-empty line of stdout, whole (empty when there is none), or how many
        /// bytes it has when it is longer than `lineLimit`.
        public let lastLine: LastLine
        /// The last `tailBytes` bytes of stderr.
        public let stderr: String
    }

    static let tailBytes = 65_536
    /// The longest last stdout line read (the metrics line): 4 MiB.
    public static let lineLimit = 4 << 20

    /// The last non-empty line of a stream.
    public enum LastLine: Sendable, Equatable {
        case text(String)
        /// Longer than `lineLimit`: its length in bytes (at least).
        case tooLong(bytes: Int)
    }
    /// Polling starts every 0.2 ms (so that a short-lived child's memory is seen) and slows to
    /// every 5 ms.
    static let pollInterval: (first: useconds_t, last: useconds_t) = (200, 5_000)
    /// After a stop request the child gets SIGTERM, then SIGKILL this many seconds later.
    public static let stopGrace = 2.0

    /// Runs the child to its end, polling for its exit, its memory, the timeout, `stop` and
    /// `prune`, and handing each stdout line to `lines` as it comes (on this thread). A child
    /// stopped or pruned gets SIGTERM, then SIGKILL of its process group after the grace
    /// (`stopGrace`, or `pruneGrace`). Processes of its group left when it ends are stopped
    /// the same way: none outlives the trial.
    public func run(stop: StopFlag, prune: StopFlag? = nil, pruneGrace: Double = stopGrace,
                    lines: ((String) -> Void)? = nil) -> Result {
        let out = Self.scratchFile(), err = Self.scratchFile()
        defer { close(out); close(err) }
        let start = Date()
        var pid: pid_t = 0
        var spawned = spawn(&pid, stdout: out, stderr: err)
        // "Text file busy": another thread's child briefly holds the script open for writing
        // (a file written just before); retry as Go's os/exec does.
        for _ in 0..<20 where spawned == ETXTBSY {
            usleep(10_000)
            spawned = spawn(&pid, stdout: out, stderr: err)
        }
        guard spawned == 0 else {
            return Result(ending: .notStarted(String(cString: strerror(spawned))), wallTime: 0, peakRSS: nil, lastLine: .text(""), stderr: "")
        }
        var status: Int32 = 0, usage = rusage()
        var ending: Result.Ending? = nil, killAt: Date? = nil, killed = false, polledPeak = 0
        var interval = Self.pollInterval.first
        var reader = StdoutLines()
        while true {
            polledPeak = max(polledPeak, Self.peakResident(of: "\(pid)") ?? 0)
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if let lines { reader.read(out, atEnd: false, lines) }
            if let timeout, !killed, Date().timeIntervalSince(start) > timeout {
                kill(-pid, SIGKILL); killed = true; ending = .timedOut
            }
            if !killed && killAt == nil {
                if prune?.isSet == true {
                    killAt = Date().addingTimeInterval(pruneGrace); kill(-pid, SIGTERM); ending = .pruned
                } else if stop.isSet {
                    killAt = Date().addingTimeInterval(Self.stopGrace); kill(-pid, SIGTERM); ending = .interrupted
                }
            }
            if let killAt, !killed, Date() > killAt { kill(-pid, SIGKILL); killed = true }
            usleep(interval)
            interval = min(2 * interval, Self.pollInterval.last)
        }
        // What is left of the child's process group when the child has ended (a background
        // job, a launcher's worker) gets SIGTERM and the grace (what remains of it for a
        // child told to stop), then SIGKILL: no process of a trial outlives it.
        if !killed && kill(-pid, 0) == 0 {
            let deadline = killAt ?? Date().addingTimeInterval(Self.stopGrace)
            if killAt == nil { kill(-pid, SIGTERM) }
            while kill(-pid, 0) == 0 && Date() < deadline { usleep(Self.pollInterval.last) }
            kill(-pid, SIGKILL)
        }
        if let lines { reader.read(out, atEnd: true, lines) }
        let wall = Date().timeIntervalSince(start)
        let signal = status & 0x7f
        let end = ending ?? (signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal))
        // ru_maxrss also counts the memory of this process at the spawn (Linux carries the old
        // address space's peak over exec); when it does not exceed that, the child's own peak
        // is the one read from /proc while it ran. (This process's peak only grows, so reading
        // it now bounds its value at the spawn.)
        let parentPeak = Self.peakResident(of: "self") ?? 0
        #if os(Linux)
        let rusagePeak = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
        let rusagePeak = Int(usage.ru_maxrss)  // bytes on macOS; there is no /proc to poll either
        #endif
        return Result(ending: end, wallTime: wall, peakRSS: rusagePeak > parentPeak ? rusagePeak : polledPeak > 0 ? polledPeak : nil,
                      lastLine: Self.lastLine(out), stderr: Self.tail(err))
    }

    /// posix_spawnp with stdin from /dev/null, stdout/stderr to the given files, the working
    /// directory `folder`, a new process group and default signal handling; 0 or an errno.
    private func spawn(_ pid: inout pid_t, stdout: Int32, stderr: Int32) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        slope_spawn_addchdir(&actions, folder)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGPIPE, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        return posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    }

    /// VmHWM (peak resident set) of /proc/`process`/status in bytes; nil once the process is gone.
    static func peakResident(of process: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).dropLast(3)) else { return nil }
        return kb * 1024
    }

    /// An anonymous read-write file (created and unlinked at once), closed on exec so that
    /// other trials' children do not inherit it.
    private static func scratchFile() -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/slope-trial-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { slope_mkstemp_cloexec($0.baseAddress!) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    /// The last non-empty line written to `fd`, whole, read backwards in blocks from the end
    /// (so a long metrics line is never cut, and a long output before it is never read).
    private static func lastLine(_ fd: Int32) -> LastLine {
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size > 0 else { return .text("") }
        let block = 65_536
        var position = size, end: Int?, collected: [UInt8] = []
        while position > 0 {
            let count = min(block, position)
            position -= count
            var bytes = [UInt8](repeating: 0, count: count)
            guard pread(fd, &bytes, count, off_t(position)) == count else { break }
            collected = bytes + collected
            // The end of the last line that is not blank, then the newline before it.
            if end == nil, let k = collected.lastIndex(where: { !isBlank($0) }) { end = position + k + 1 }
            if let end {
                if let k = collected[..<(end - position)].lastIndex(of: UInt8(ascii: "\n")) {
                    return .text(String(decoding: collected[(k + 1)..<(end - position)], as: UTF8.self))
                }
                if end - position > lineLimit { return .tooLong(bytes: end - position) }
            } else {
                collected = []  // blank so far: nothing to keep
            }
        }
        guard let end else { return .text("") }
        return end - position > lineLimit ? .tooLong(bytes: end - position)
            : .text(String(decoding: collected[..<(end - position)], as: UTF8.self))
    }

    /// Space, tab, CR and LF.
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    /// The last `tailBytes` bytes written to `fd`, as UTF-8 (invalid bytes repaired).
    private static func tail(_ fd: Int32) -> String {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return "" }
        let count = min(Int(size), tailBytes)
        var bytes = [UInt8](repeating: 0, count: count)
        let read = pread(fd, &bytes, count, off_t(Int(size) - count))
        return String(decoding: bytes.prefix(max(0, read)), as: UTF8.self)
    }
}
