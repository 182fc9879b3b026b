/// How a trial program receives a named value: one `--name=value` argument.
///
/// This is the study's contract with every trial program (`{args}` in a command template, and
/// the data and seed of `trainer:` specs), documented in the README's "trial contract"; it is
/// the child's command line, not one of slope's own options.
enum TrialArgument {
    /// The argument that passes `value` as `name`.
    static func named(_ name: String, _ value: String) -> String { "--\(name)=\(value)" }
}
