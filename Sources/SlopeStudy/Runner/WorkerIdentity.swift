import Foundation

/// Names a worker process as `host:pid:start`, the start time (clock ticks after boot, from
/// /proc) guarding against a recycled pid, so that a new run can tell whether the worker that
/// left a trial running is still alive. Linux only has /proc: elsewhere the start is `?` and
/// a worker is alive while its pid is (a recycled pid then looks alive).
public enum WorkerIdentity {
    /// This process's name.
    public static let current = "\(host):\(getpid()):\(startTime(getpid()) ?? "?")"

    /// The name a worker claims trials under: `SLOPE_WORKER` when set (e.g. a Slurm job's
    /// name), else `current`. A named worker is not checked for liveness by pid: on a file
    /// store its trials come back only when a run finds them abandoned by `current` names.
    public static var named: String {
        let name = ProcessInfo.processInfo.environment["SLOPE_WORKER"] ?? ""
        return name.isEmpty ? current : name
    }

    static var host: String { ProcessInfo.processInfo.hostName }

    /// True when `worker` ran on this host and that process is gone.
    public static func isGone(_ worker: String) -> Bool {
        let parts = worker.split(separator: ":").map(String.init)
        guard parts.count == 3, parts[0] == host, let pid = Int32(parts[1]) else { return false }
        #if os(Linux)
        return startTime(pid) != parts[2]
        #else
        return kill(pid, 0) != 0 && errno == ESRCH
        #endif
    }

    /// Field 22 of /proc/PID/stat (the process's start time), nil when there is no such process.
    static func startTime(_ pid: Int32) -> String? {
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces) start at field 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
        #else
        return nil
        #endif
    }
}
