/// Whether the trainings went the way a reading of their histories assumes: the loss fell,
/// the activations were not saturated, the gradient did not vanish (docs/method.md, "Training
/// health"). A failed training's history still has trends; they describe the failure.
public struct TrainingHealth: Sendable, Equatable {
    /// One problem, with the restarts (from 0) that show it.
    public struct Warning: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            /// The loss never went below its first value (e.g. a learning rate far too large).
            case minimumAtFirstEpoch = "minimum_at_first_epoch"
            /// The loss ended no lower than it started, after going down on the way.
            case lossNotDecreased = "loss_not_decreased"
            /// The loss did not change at all (dead units, or no gradient).
            case constantLoss = "constant_loss"
            /// Every feature's second derivative is zero throughout (saturated activations).
            case saturated
            /// Every feature's first derivative is zero from the start (nothing to learn from).
            case vanishingGradient = "vanishing_gradient"
            /// Fewer epochs than a trend needs: a rank correlation over so few points takes few
            /// values (±1 over 2).
            case fewEpochs = "few_epochs"
            /// A restart repeats an earlier one exactly (the same starting parameters and full
            /// batches): it is no independent evidence, and its agreement says nothing.
            case repeatedRestart = "repeated_restart"
        }

        public let kind: Kind
        public let restarts: [Int]

        /// One line for a person.
        public var message: String {
            let list = restarts.prefix(10).map(String.init).joined(separator: ", ") + (restarts.count > 10 ? ", …" : "")
            let which = "in \(counted(restarts.count, "restart")) (\(list))"
            switch kind {
            case .minimumAtFirstEpoch: return "the loss never fell below its first value \(which): the training diverged or the step size is far too large"
            case .lossNotDecreased: return "the loss ended no lower than it started \(which)"
            case .constantLoss: return "the loss did not change \(which): dead units or no gradient"
            case .saturated: return "every second derivative is zero \(which): the activations are saturated"
            case .vanishingGradient: return "every first derivative is zero from the start \(which): the gradient vanished"
            case .fewEpochs: return "fewer than \(TrainingHealth.trendEpochs) epochs: a trend's rank correlation over so few epochs takes few values (±1 over 2), so its sign says little"
            case .repeatedRestart:
                return "\(counted(restarts.count, "restart")) (\(list)) \(restarts.count == 1 ? "repeats" : "repeat") an earlier one exactly (the same starting parameters, full batches): no independent evidence, and their agreement says nothing"
            }
        }
    }

    public let warnings: [Warning]

    /// True when no training shows a problem.
    public var ok: Bool { warnings.isEmpty }

    /// Derivatives whose magnitude stays below this are zero for the purpose of health.
    public static let zero = 1e-12
    /// The fewest epochs whose trend the reading takes for more than a sign.
    public static let trendEpochs = 10

    /// The health of `histories` (their features are every parameter but the last, the bias).
    /// - Complexity: O(restarts · epochs · parameters).
    public init(_ histories: [History]) {
        var found: [Warning.Kind: [Int]] = [:]
        for (r, h) in histories.enumerated() {
            guard let first = h.loss.first, let last = h.loss.last,
                  let low = h.loss.min(), let high = h.loss.max() else { continue }
            let features = 0..<max(0, h.parameterCount - 1)
            if high - low <= Self.zero * max(1, abs(first)) {
                found[.constantLoss, default: []].append(r)
                continue
            }
            if h.loss.firstIndex(of: low) == 0 {
                found[.minimumAtFirstEpoch, default: []].append(r)
            } else if last >= first {
                found[.lossNotDecreased, default: []].append(r)
            }
            if !features.isEmpty && features.allSatisfy({ p in h.series(.d2, parameter: p).allSatisfy { abs($0) < Self.zero } }) {
                found[.saturated, default: []].append(r)
            }
            if !features.isEmpty && features.allSatisfy({ abs(h.value(.d1, parameter: $0, epoch: 0)) < Self.zero }) {
                found[.vanishingGradient, default: []].append(r)
            }
        }
        if let first = histories.first, first.epochCount < Self.trendEpochs {
            found[.fewEpochs] = Array(histories.indices)
        }
        for r in histories.indices.dropFirst() where histories[..<r].contains(where: { $0.repeats(histories[r]) }) {
            found[.repeatedRestart, default: []].append(r)
        }
        warnings = Warning.Kind.allCases.compactMap { kind in found[kind].map { Warning(kind: kind, restarts: $0) } }
    }
}
