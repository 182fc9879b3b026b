/// What the output side of HSIC is.
public enum HSICMeasure: Sendable, Equatable {
    /// HSIC(X, Y), Gaussian kernel on y.
    case global
    /// Goal-oriented (target) HSIC(X, w(Y)): Kronecker kernel on the indicator Z = 1{y in the
    /// goal set}, or a Gaussian kernel on the smooth weight.
    case target(Goal)
    /// Conditional HSIC(X, Y | goal): weights w(y) on the rows, Gaussian kernel on y, V-statistic.
    case conditional(Goal)

    /// The goal, if any.
    public var goal: Goal? {
        switch self {
        case .global: return nil
        case .target(let g), .conditional(let g): return g
        }
    }

    /// Whether a gamma p-value exists for this measure (not for conditional HSIC).
    var hasGammaTest: Bool {
        if case .conditional = self { return false }
        return true
    }

    /// The output side on the sample `y`, or the reason why none exists.
    func outputSide(y: [Double], estimator: HSICEstimator, bandwidth: Bandwidth) -> Result<OutputSide, OutputProblem> {
        let rule: Bandwidth = if case .fixed = bandwidth { .std } else { bandwidth }
        func gaussian(_ values: [Double]) -> GramMatrix? {
            rule.scale(for: values).map { GramMatrix(values: values, kernel: .gaussian, scale: $0) }
        }
        switch self {
        case .global:
            guard let gram = gaussian(y) else { return .failure(.constantOutput) }
            return .success(OutputSide(gram: gram, estimator: estimator, weights: nil))
        case .target(let goal):
            let w = goal.weights(for: y)
            guard Set(w).count > 1 else { return .failure(.degenerateGoal(inside: w.filter { $0 == 1 }.count, of: y.count)) }
            let gram = goal.smoothness == nil
                ? GramMatrix(levels: w.map { $0 == 1 ? 1 : 0 }, weighted: false)
                : gaussian(w)
            guard let gram else { return .failure(.constantOutput) }
            return .success(OutputSide(gram: gram, estimator: estimator, weights: nil))
        case .conditional(let goal):
            let w = goal.weights(for: y)
            guard w.contains(where: { $0 > 0 }) else { return .failure(.degenerateGoal(inside: 0, of: y.count)) }
            guard let gram = gaussian(y) else { return .failure(.constantOutput) }
            return .success(OutputSide(gram: gram, estimator: .v, weights: w))
        }
    }
}

/// Why no output side exists on some rows.
enum OutputProblem: Error, CustomStringConvertible {
    case constantOutput
    case degenerateGoal(inside: Int, of: Int)

    var description: String {
        switch self {
        case .constantOutput:
            return "the output is constant on these rows"
        case let .degenerateGoal(inside, count):
            return "the goal set holds \(inside) of \(count) rows, so it does not split them"
        }
    }
}
