import Foundation

/// A trial's command line: a template split into arguments like a shell would split it
/// (white space; single quotes, double quotes and backslash escapes), but never run by a shell.
public struct CommandTemplate: Sendable {
    public let tokens: [String]

    public init(tokens: [String]) { self.tokens = tokens }

    /// Splits `line` into arguments; fails on an unclosed quote.
    public static func split(_ line: String) -> [String]? {
        var tokens: [String] = [], current = "", inToken = false
        var quote: Character? = nil, escaped = false
        for ch in line {
            if escaped { current.append(ch); escaped = false; continue }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true } else { current.append(ch) }
                continue
            }
            switch ch {
            case "\\": escaped = true; inToken = true
            case "'", "\"": quote = ch; inToken = true
            case _ where ch.isWhitespace:
                if inToken { tokens.append(current); current = ""; inToken = false }
            default: current.append(ch); inToken = true
            }
        }
        guard quote == nil, !escaped else { return nil }
        if inToken { tokens.append(current) }
        return tokens
    }

    /// The `{name}` placeholders of the template other than `{args}`, `{seed}`, `{id}` and `{gpu}`.
    public var parameterPlaceholders: [String] {
        tokens.flatMap(Self.placeholders).filter { !Self.reserved.contains($0) }
    }

    /// The argument vector of one trial: `{args}` alone becomes one `--name=value` argument per
    /// active parameter; `{name}` inside an argument becomes that parameter's value, and an
    /// argument that names an inactive parameter is dropped. Nil when that drops the program.
    /// `{gpu}` becomes the job slot's device (`gpu`).
    public func arguments(values: TrialParameters, seed: UInt64, id: Int, gpu: String? = nil) -> [String]? {
        var fixed = ["seed": "\(seed)", "id": "\(id)"]
        if let gpu { fixed["gpu"] = gpu }
        let lookup = Dictionary(uniqueKeysWithValues: values.entries.map { ($0.name, $0.value.description) })
            .merging(fixed) { a, _ in a }
        let expanded = tokens.map { token -> [String] in
            if token == "{args}" { return values.entries.map { TrialArgument.named($0.name, $0.value.description) } }
            var out = token
            for name in Self.placeholders(token) {
                guard let value = lookup[name] else { return [] }
                out = out.replacingOccurrences(of: "{\(name)}", with: value)
            }
            return [out]
        }
        guard let program = expanded.first, program.count == 1 else { return nil }
        return expanded.flatMap { $0 }
    }

    /// True when the program (the first argument, when it has no placeholder) can be run
    /// from `folder`: an executable file there for a path, or on PATH for a bare name.
    public func programExists(in folder: String) -> Bool {
        guard let program = tokens.first, Self.placeholders(program).isEmpty else { return true }
        if program.contains("/") {
            let path = program.hasPrefix("/") ? program : folder + "/" + program
            return access(path, X_OK) == 0
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
    }

    static let reserved: Set<String> = ["args", "seed", "id", "gpu"]

    /// True when an argument names the job slot's device, `{gpu}`.
    public var usesGPU: Bool { tokens.contains { Self.placeholders($0).contains("gpu") } }

    /// The names between braces in `token`.
    static func placeholders(_ token: String) -> [String] {
        var names: [String] = [], rest = Substring(token)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
