import Foundation

/// Settings of an HSIC analysis.
public struct HSICOptions: Sendable {
    /// The estimator of global and target HSIC (conditional HSIC is always V).
    public var estimator: HSICEstimator = .v
    /// The kernels of the inputs.
    public var kernels = KernelChoice()
    /// Global, target or conditional HSIC.
    public var measure: HSICMeasure = .global
    /// Output permutations for the permutation p-value (0: none). Shared by all inputs.
    public var permutations = 1000
    /// Bootstrap resamples for percentile intervals (0: none).
    public var bootstrap = 0
    /// The coverage of the bootstrap intervals.
    public var confidence = 0.95
    /// Also measure every pair of inputs jointly (product kernel).
    public var pairs = false
    /// Seeds the permutations and the resamples.
    public var seed: UInt64 = 0
    /// The memory that the Gram matrices of one batch of inputs may take, in bytes.
    public var memoryBudget = 512 << 20
    /// The most memory an analysis may plan for its n × n matrices, in bytes (never more than
    /// half the machine's): a larger sample is refused with the size that fits.
    public var memoryLimit = 4e9

    public init() {}

    /// The memory the n × n matrices of `rows` rows take (about three of them), in bytes.
    public static func matrixBytes(rows: Int) -> Double { 3 * 8 * Double(rows) * Double(rows) }

    /// The bytes the bootstrap's replicates hold for `inputs` inputs: HSIC and R2-HSIC of each
    /// input, and one array, a resample (percentiles need them all).
    public func resampleBytes(inputs: Int) -> Double { Double(bootstrap) * (Double(max(1, inputs)) * 16 + 64) }

    /// Checks the settings against a sample of `rows` rows and `inputs` inputs from `source`:
    /// `validate()`, then the rows the estimator needs, the memory its matrices take and the
    /// memory of the bootstrap's replicates (permutations are counted as they are drawn: they
    /// hold nothing).
    public func validate(rows: Int, inputs: Int = 1, source: String) throws {
        try validate()
        let minimum = estimator == .u ? 4 : 2
        guard rows >= minimum else {
            throw SlopeError.tooFewRows(file: source, rows: rows, needed: minimum, purpose: "the \(estimator.rawValue)-statistic")
        }
        let limit = MemoryRule.allowed(memoryLimit)
        let held = resampleBytes(inputs: inputs)
        guard held <= limit else {
            let fit = Int(limit / (held / Double(bootstrap)))
            throw SlopeError.invalidSetting(.bootstrap, reason: String(
                format: "%d resamples of %d inputs hold about %.3g GB; at most %d fit in %.3g GB",
                bootstrap, inputs, held / 1e9, fit, limit / 1e9))
        }
        let bytes = Self.matrixBytes(rows: rows)
        guard bytes <= limit else {
            let rowsThatFit = Int((limit / 24).squareRoot())
            guard rowsThatFit >= 100 else {
                throw SlopeError.invalidSetting(.memoryLimit, reason: String(
                    format: "%.3g GB holds the n × n matrices of %d rows only; HSIC on %d rows needs about %.3g GB",
                    limit / 1e9, rowsThatFit, rows, bytes / 1e9))
            }
            let fit = rowsThatFit / 100 * 100
            throw SlopeError.invalidSetting(.sampleSize, reason: String(
                format: "HSIC on %d rows needs about %.1f GB for its n × n matrices, more than the %.1f GB allowed; measure on a seeded subsample of at most %d rows",
                rows, bytes / 1e9, limit / 1e9, fit))
        }
    }

    /// Checks what does not depend on the sample: counts, coverage, bandwidth, estimator and goal.
    public func validate() throws(SlopeError) {
        func fail(_ setting: Setting, _ reason: String) -> SlopeError { .invalidSetting(setting, reason: reason) }
        guard permutations >= 0 else { throw fail(.permutations, "must be 0 or more") }
        guard bootstrap >= 0 else { throw fail(.bootstrap, "must be 0 or more") }
        guard confidence > 0 && confidence < 1 else { throw fail(.confidence, "must be in (0, 1)") }
        guard memoryLimit > 0 && memoryLimit.isFinite else { throw fail(.memoryLimit, "must be a positive number") }
        if case .fixed(let s) = kernels.bandwidth, !(s > 0 && s.isFinite) {
            throw fail(.bandwidth, "must be std, median or a positive number")
        }
        if case .conditional = measure, estimator == .u {
            throw fail(.estimator, "conditional HSIC is defined for the V-statistic only")
        }
        if let goal = measure.goal {
            if case .quantile(let alpha) = goal.boundary, !(alpha > 0 && alpha < 1) {
                let setting: Setting = if case .conditional = measure { .conditionalGoal } else { .goal }
                throw fail(setting, "must be in (0, 1)")
            }
            if let s = goal.smoothness, !(s > 0 && s.isFinite) {
                throw fail(.smoothness, "must be a positive number")
            }
        }
    }
}
