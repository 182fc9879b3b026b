/// Which trials of a slope study an analysis reads (docs/method.md, "Staged studies"). HSIC's
/// p-values assume trials drawn from the prior: space-filling stages before any `reduce:`, and
/// TPE's start, are; TPE's proposals and the trials of a reduced space are not.
public enum TrialSelection: Sendable, Equatable {
    /// The trials drawn from the prior (the default).
    case fromPrior
    /// Every trial.
    case all
    /// The trials of the stage of this name.
    case stage(String)
}
