import SlopeCore

/// The Sobol low-discrepancy sequence in base 2 with 32-bit precision (Bratley and Fox's
/// Gray-code construction, Joe and Kuo's direction numbers), optionally scrambled by a seeded
/// random linear matrix scramble and digital shift (Matoušek 1998; the scrambling SciPy's
/// `qmc.Sobol` applies).
///
/// Unscrambled, point 0 is the origin and the first points of every dimension match the
/// published sequence. Cost: O(d) per point after O(32 d) set-up.
public struct SobolSequence: Sendable {
    /// The largest dimension the built-in direction numbers cover.
    public static let maximumDimension = SobolDirections.table.count + 1
    static let bits = 32

    /// `directions[j][k]`: direction number k (most significant first) of dimension j.
    private var directions: [[UInt32]]
    private var shift: [UInt32]

    /// A sequence in `dimension` dimensions (1 ... `maximumDimension`); scrambled with `seed`
    /// when one is given.
    public init(dimension: Int, scrambleSeed seed: UInt64? = nil) {
        precondition(dimension >= 1 && dimension <= Self.maximumDimension)
        directions = (0..<dimension).map(Self.directionNumbers)
        shift = Array(repeating: 0, count: dimension)
        if let seed { scramble(seed: seed) }
    }

    /// Points 0 ..< `count` as rows of values in [0, 1).
    public func points(_ count: Int) -> [[Double]] {
        var x = shift
        var rows: [[Double]] = []
        rows.reserveCapacity(count)
        for n in 0..<count {
            rows.append(x.map { Double($0) / 4_294_967_296.0 })
            // Gray code: the next point flips the direction of the lowest zero bit of n.
            let c = (~n).trailingZeroBitCount
            guard c < Self.bits else { break }
            for j in x.indices { x[j] ^= directions[j][c] }
        }
        return rows
    }

    /// The 32 direction numbers of dimension `j` (0-based) as left-aligned integers.
    private static func directionNumbers(_ j: Int) -> [UInt32] {
        guard j > 0 else { return (0..<bits).map { UInt32(1) << (31 - $0) } }
        let (s, a, initial) = SobolDirections.table[j - 1]
        var m = initial
        for k in s..<bits {
            var next = m[k - s] ^ (m[k - s] << UInt32(s))
            for i in 1..<s where (a >> UInt32(s - 1 - i)) & 1 == 1 {
                next ^= m[k - i] << UInt32(i)
            }
            m.append(next)
        }
        return (0..<bits).map { m[$0] << UInt32(31 - $0) }
    }

    /// Left-multiplies every direction number by a random lower-triangular binary matrix with
    /// unit diagonal (bit 31 = row 0) and draws a random digital shift, per dimension.
    private mutating func scramble(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        for j in directions.indices {
            // Row p keeps its own bit and a random subset of the more significant bits.
            let rows: [UInt32] = (0..<Self.bits).map { p in
                let own = UInt32(1) << UInt32(31 - p)
                let above = p == 0 ? 0 : ~(UInt32.max >> UInt32(p))
                return own | (UInt32(truncatingIfNeeded: g.next()) & above)
            }
            directions[j] = directions[j].map { v in
                rows.enumerated().reduce(UInt32(0)) { out, row in
                    (v & row.element).nonzeroBitCount & 1 == 1 ? out | (UInt32(1) << UInt32(31 - row.offset)) : out
                }
            }
            shift[j] = UInt32(truncatingIfNeeded: g.next())
        }
    }
}
