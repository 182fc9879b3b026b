import Foundation
import SlopeCore

/// A Parzen estimator over the axes of one group of parameters (docs/method.md, "TPE"): a
/// mixture with one component per observation plus a prior component, each component a
/// product of one kernel per axis. Numeric axes get a truncated normal centred on the
/// observation, its width the larger gap to a neighbouring observation, clipped to
/// [range / min(100, n + 2), range]; the prior is centred on the range with the range as width.
/// Categorical axes get the observed category plus `priorWeight / (n + 1)` on every category.
/// This is the estimator of Bergstra et al. (2011) as Optuna 4 builds it.
struct ParzenEstimator {
    let axes: [TPEAxis]
    /// The components' weights (observations, then the prior), summing to 1.
    let weights: [Double]
    private let kernels: [AxisKernels]

    private enum AxisKernels {
        case numeric(centres: [Double], widths: [Double])
        case categorical(logProbabilities: [[Double]])
    }

    /// - Parameters:
    ///   - observations: one row of internal coordinates per observation, one entry an axis.
    ///   - weights: one non-negative weight per observation (`TPEWeights`).
    ///   - priorWeight: the prior component's weight before normalisation.
    init(observations: [[Double]], weights: [Double], axes: [TPEAxis], priorWeight: Double = 1) {
        self.axes = axes
        let all = weights + [priorWeight]
        let total = all.reduce(0, +)
        self.weights = all.map { $0 / total }
        let n = observations.count
        kernels = axes.enumerated().map { d, axis in
            let column = observations.map { $0[d] }
            switch axis {
            case let .categorical(count):
                let floor = priorWeight / Double(n + 1)
                let rows = (column.map(Int.init) + [-1]).map { observed in
                    (0..<count).map { c in floor + (c == observed ? 1 : 0) }
                }
                return .categorical(logProbabilities: rows.map { row in
                    let sum = row.reduce(0, +)
                    return row.map { log($0 / sum) }
                })
            case .numeric:
                let (low, high) = axis.bounds
                return .numeric(centres: column + [(low + high) / 2],
                                widths: Self.widths(column, low: low, high: high) + [high - low])
            }
        }
    }

    /// Kernel widths: for each observation the larger gap to its neighbours among the sorted
    /// observations and the bounds (the outermost observations use their inner gap only),
    /// clipped to [range / min(100, n + 2), range].
    static func widths(_ centres: [Double], low: Double, high: Double) -> [Double] {
        let n = centres.count
        guard n > 0 else { return [] }
        let order = centres.indices.sorted { (centres[$0], $0) < (centres[$1], $1) }
        let sorted = [low] + order.map { centres[$0] } + [high]
        var widths = [Double](repeating: 0, count: n)
        for (k, i) in order.enumerated() {
            let left = sorted[k + 1] - sorted[k], right = sorted[k + 2] - sorted[k + 1]
            if n >= 2 && k == 0 { widths[i] = right } else if n >= 2 && k == n - 1 { widths[i] = left } else { widths[i] = max(left, right) }
        }
        let range = high - low, least = range / min(100, Double(n + 2))
        return widths.map { min(range, max(least, $0)) }
    }

    /// `count` draws from the mixture.
    func sample(_ count: Int, generator g: inout SeededGenerator) -> [[Double]] {
        (0..<count).map { _ in
            let component = Self.pick(weights, g.nextUnit())
            return axes.indices.map { d in
                switch kernels[d] {
                case let .categorical(logProbabilities):
                    return Double(Self.pick(logProbabilities[component].map(exp), g.nextUnit()))
                case let .numeric(centres, widths):
                    let (low, high) = axes[d].bounds
                    let x = TruncatedNormal.sample(mean: centres[component], sd: widths[component], low: low, high: high, generator: &g)
                    guard case let .numeric(lo, hi, step, _) = axes[d], let step else { return x }
                    return min(hi, max(lo, lo + ((x - lo) / step).rounded() * step))
                }
            }
        }
    }

    /// The log of the mixture's density (probability, on a grid or a categorical axis) at `x`.
    func logDensity(_ x: [Double]) -> Double {
        var terms = weights.map(log)
        for d in axes.indices {
            switch kernels[d] {
            case let .categorical(logProbabilities):
                let c = Int(x[d])
                for i in terms.indices { terms[i] += logProbabilities[i][c] }
            case let .numeric(centres, widths):
                let (low, high) = axes[d].bounds
                guard case let .numeric(_, _, step, _) = axes[d] else { continue }
                for i in terms.indices {
                    terms[i] += TruncatedNormal.logDensity(x[d], mean: centres[i], sd: widths[i], low: low, high: high, step: step)
                }
            }
        }
        let top = terms.max() ?? -.infinity
        guard top > -.infinity else { return -.infinity }
        return top + log(terms.reduce(0) { $0 + exp($1 - top) })
    }

    /// The index whose cumulative weight first exceeds `u` · total.
    private static func pick(_ weights: [Double], _ u: Double) -> Int {
        let target = u * weights.reduce(0, +)
        var sum = 0.0
        for (i, w) in weights.enumerated() {
            sum += w
            if target < sum { return i }
        }
        return weights.count - 1
    }
}
