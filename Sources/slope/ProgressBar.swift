import Foundation
import SlopeStudy

/// The study's progress line on stderr: a bar, trials finished / total, failures, the best
/// value of the first objective, and the time left.
struct ProgressBar {
    let objective: Objective
    static let width = 24

    func draw(_ p: StudyProgress) {
        let filled = p.total == 0 ? Self.width : p.finished * Self.width / p.total
        var line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: Self.width - filled) + "]"
        line += " \(p.finished)/\(p.total)"
        let ended = [(p.failed, "failed"), (p.pruned, "pruned")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        if !ended.isEmpty { line += " (\(ended.joined(separator: ", ")))" }
        if let best = p.best { line += " · best \(objective.name) \(Self.number(best))" }
        if let eta = p.eta, p.finished < p.total { line += " · ETA \(Self.duration(eta))" }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

    static func number(_ x: Double) -> String { String(format: "%.4g", x) }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
