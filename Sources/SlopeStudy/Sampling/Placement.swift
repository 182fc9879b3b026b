/// How a trial's parameters were chosen, as the store records it (`placed_by`).
public enum Placement: String, Sendable, CaseIterable, Encodable {
    /// Space-filling draws from the prior: the study's (or the stage's) sampler.
    case random, lhs, sobol
    /// TPE's draw from the prior, made while too few trials had finished to model them.
    case prior
    /// Proposed by TPE from the trials before it, when the trial was claimed.
    case tpe
    /// Given by the user in the spec (`enqueue:`), run first.
    case enqueued

    /// True for draws from the prior, the trials whose HSIC p-values hold (docs/method.md).
    public var fromPrior: Bool { self != .tpe && self != .enqueued }
}
