import SlopeCore

extension TrialsRead {
    /// Which trials were read, in one sentence; nil when the default rule read every trial
    /// (or every trial was read and all were drawn from the prior).
    public var sentence: String? {
        switch rule {
        case .fromPrior:
            let left = of - read
            guard left > 0 else { return nil }
            return "read \(read) of \(of) trials, those drawn from the prior (HSIC's p-values assume them); "
                + "the \(left) placed by TPE, given in enqueue: or in a reduced space are left out (reading every stage includes them)"
        case .all:
            guard notFromPrior > 0 else { return nil }
            return "read all \(of) trials; \(notFromPrior) were placed by TPE, given in enqueue: or in a reduced space, "
                + "not drawn from the prior, so the p-values are optimistic"
        case let .stage(name):
            return "read the \(read) trials of stage \(name)"
                + (notFromPrior > 0 ? "; \(notFromPrior) of them were not drawn from the prior, so the p-values are optimistic" : "")
        }
    }
}

extension StudyProvenance {
    /// What the analysis should say about its trials before anything else: which were read
    /// (when not simply all), then one sentence a stage decision.
    public var sentences: [String] { (read.sentence.map { [$0] } ?? []) + decisionSentences }

    /// One sentence a stage decision, each naming its stage.
    public var decisionSentences: [String] { decisions.map { $0.sentence(stageName: stageName($0.stage)) } }
}
