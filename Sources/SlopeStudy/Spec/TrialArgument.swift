/// How a trial program receives a named value: one `--name=value` argument.
///
/// This is the study's contract with every trial program (`{args}` in a command template, and
/// the data and seed of `trainer:` specs), documented in the README's "trial contract"; it is
/// the child's command line, not one of slope's own options.
enum TrialArgument {
    /// The argument that passes `value` as `name`.
    static func named(_ name: String, _ value: String) -> String { prefix + name + "=" + value }

    /// What starts every such argument.
    private static let prefix = "--"

    /// The name and value of an argument `named` made; nil for any other argument.
    static func parse(_ argument: String) -> (name: String, value: String)? {
        guard argument.hasPrefix(prefix), let equals = argument.firstIndex(of: "=") else { return nil }
        return (String(argument[argument.index(argument.startIndex, offsetBy: prefix.count)..<equals]),
                String(argument[argument.index(after: equals)...]))
    }
}
