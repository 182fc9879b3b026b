import Foundation

/// Columns whose range lies far from 1 (subnormal numbers, values near the largest double)
/// brought to a range in [1, 2) by an exact power of two after taking off their minimum: the
/// kernels' bandwidths and the output's variance would underflow to 0 or overflow to infinity
/// on the raw values, and HSIC with data-scaled kernels does not depend on the scale. Columns
/// with an ordinary range are left bit for bit as they are.
enum ExtremeScale {
    /// Ranges outside [2⁻⁵⁰⁰, 2⁵⁰⁰] (and magnitudes beyond 2⁵⁰⁰) are rescaled.
    static let bound = 0x1p500

    /// `values` rescaled when their range or magnitude is extreme; as they are otherwise.
    static func rescaled(_ values: [Double?]) -> [Double?] {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let lo = present.min(), let hi = present.max(), lo < hi else { return values }
        let magnitude = max(abs(lo), abs(hi))
        // Halves, so that neither the range nor a difference can overflow.
        let span = hi / 2 - lo / 2
        guard span < 0.5 / bound || span > bound / 2 || magnitude > bound else { return values }
        let e = span.exponent
        return values.map { v in v.map { scalbn($0 / 2 - lo / 2, Int(-e)) } }
    }

    /// The sample with every extreme real input and an extreme output rescaled.
    static func conditioned(_ sample: HSICSample) -> HSICSample {
        let output = rescaled(sample.output.map { $0 }).map { $0 ?? .nan }
        let inputs = sample.inputs.map { input -> HSICInput in
            guard case let .real(values) = input.values else { return input }
            return HSICInput(name: input.name, kind: input.kind, values: .real(rescaled(values)))
        }
        return HSICSample(source: sample.source, outputName: sample.outputName, output: output, inputs: inputs)
    }
}
