/// The seeded random streams of an HSIC analysis on one set of rows: functions of the user's
/// seed and the number of rows only, so that analyses of the same rows share them.
enum RowStream {
    /// The seed of stream `purpose` (0: permutations; 1 + b: bootstrap resample b).
    static func seed(_ seed: UInt64, size: Int, purpose: Int) -> UInt64 {
        seed &+ UInt64(size) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(purpose) &* 0xBF58_476D_1CE4_E5B9
    }

    /// The output permutations of `size` rows, drawn one after another.
    static func permutations(_ seed: UInt64, size: Int) -> Permutations {
        Permutations(generator: SeededGenerator(seed: Self.seed(seed, size: size, purpose: 0)), size: size)
    }

    /// Bootstrap resample `b` of `size` rows (with replacement).
    static func resample(_ seed: UInt64, size: Int, index b: Int) -> [Int] {
        var generator = SeededGenerator(seed: Self.seed(seed, size: size, purpose: 1 + b))
        return (0..<size).map { _ in generator.nextInt(below: size) }
    }

    struct Permutations {
        var generator: SeededGenerator
        let size: Int

        /// The next permutation σ of 0..<size (Fisher–Yates).
        mutating func next() -> [Int] {
            var p = Array(0..<size)
            generator.shuffle(&p)
            return p
        }
    }
}
