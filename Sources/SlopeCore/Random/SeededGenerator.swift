import Foundation

/// xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64.
///
/// A pure-integer generator: the same seed gives the same stream on every machine and every
/// platform, which `SystemRandomNumberGenerator` does not promise.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// Expands `seed` into the 256-bit state with SplitMix64, as the authors recommend.
    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's method).
    /// - Precondition: bound > 0.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// Shuffles `values` in place (Fisher–Yates), independent of the standard library's
    /// algorithm so the order is the same with every Swift version.
    public mutating func shuffle<T>(_ values: inout [T]) {
        var i = values.count
        while i > 1 {
            let j = nextInt(below: i)
            i -= 1
            values.swapAt(i, j)
        }
    }

    /// `count` distinct indices of 0..<n drawn by a Fisher–Yates shuffle, in ascending order.
    /// - Precondition: 0 ≤ count ≤ n.
    public mutating func sample(_ count: Int, of n: Int) -> [Int] {
        var all = Array(0..<n)
        shuffle(&all)
        return all[..<count].sorted()
    }

    /// A standard normal variate by Marsaglia's polar method.
    ///
    /// Uses only `log` and `sqrt` (no trigonometry), so the stream depends on nothing but the
    /// seed and a correctly rounded `log`. The second variate of each pair is discarded to
    /// keep the stream a function of the call count alone.
    public mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextUnit() - 1
            let v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * Foundation.log(s) / s).squareRoot()
            }
        }
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
