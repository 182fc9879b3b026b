/// Null trainings: retrainings of the lean network on the target shuffled, which give the
/// reading its permutation null (docs/method.md, "A null for the trend"). They come in pairs:
/// the two trainings of pair q fit the same shuffled target from two Xavier draws, so the
/// null separates what the shuffle does from what the starting point does.
public struct NullTrainings: Sendable, Equatable {
    /// How many null trainings run beside the restarts (even: `count / 2` shuffled targets).
    public let count: Int
    /// The second derivative they record (the one the reading reads).
    public let convention: Convention

    public init(count: Int, convention: Convention) {
        self.count = count
        self.convention = convention
    }

    /// The number of shuffled targets.
    public var pairs: Int { count / 2 }

    /// The seed of null training k's generator (its Xavier draw and mini-batch order).
    public static func seed(_ seed: UInt64, training k: Int) -> UInt64 {
        mix(seed ^ 0x6E75_6C6C_7472_6169, k)  // "nulltrai"
    }

    /// The seed of the generator that shuffles pair q's target.
    public static func seed(_ seed: UInt64, shuffle q: Int) -> UInt64 {
        mix(seed ^ 0x7368_7566_666C_6573, q)  // "shuffles"
    }

    /// The first draw of a generator seeded with `base` + k: streams of their own, sharing no
    /// generator state with any restart (whose seeds are seed, seed + 1, …) and not changing
    /// with the number of restarts.
    private static func mix(_ base: UInt64, _ k: Int) -> UInt64 {
        var generator = SeededGenerator(seed: base &+ UInt64(k))
        return generator.next()
    }
}

/// The histories of one training call: the restarts, then the null trainings (which record
/// only the loss, the weights, d1 and the read second derivative; their other quantities are 0).
public struct TrainedHistories: Sendable {
    public let restarts: [History]
    public let null: [History]
}
