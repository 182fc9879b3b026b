/// Hyperband's brackets (docs/method.md, "Pruning"): bracket b runs successive halving from
/// rung b on, and takes a share of the trials that grows with the trials it can afford to
/// start. A trial's bracket is fixed by its number, as Optuna's HyperbandPruner fixes it
/// (CRC-32 of "study_number", number = id - 1), so every worker agrees without asking.
struct HyperbandBrackets: Sendable {
    /// Trials per allocation round, by bracket: ⌈n · η^s / (s + 1)⌉, s = n - 1 - b.
    let budgets: [Int]
    let studyName: String

    /// n = ⌊log_η(max_step / min_step)⌋ + 1 brackets, counted in integers (no rounding of a
    /// logarithm).
    init(minStep: Int, maxStep: Int, reductionFactor eta: Int, studyName: String) {
        var n = 1, reach = minStep
        while reach <= maxStep / eta {
            reach *= eta
            n += 1
        }
        budgets = (0..<n).map { b in
            let s = n - 1 - b
            var power = 1.0
            for _ in 0..<s { power *= Double(eta) }
            return Int((Double(n) * power / Double(s + 1)).rounded(.up))
        }
        self.studyName = studyName
    }

    /// The bracket of trial `id`.
    func bracket(ofTrial id: Int) -> Int {
        var k = Int(CRC32.of(Array("\(studyName)_\(id - 1)".utf8))) % budgets.reduce(0, +)
        for (b, budget) in budgets.enumerated() {
            k -= budget
            if k < 0 { return b }
        }
        return budgets.count - 1
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zlib's `crc32`.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { k in
        var c = UInt32(k)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func of(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
