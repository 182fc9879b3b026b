import Foundation

/// "Nice" axis ticks: multiples of 1, 2 or 5 times a power of ten (Heckbert, Graphics Gems 1990).
public enum Ticks {
    /// About `count` round values covering [lo, hi], ascending, all inside [lo, hi].
    public static func nice(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        guard lo.isFinite, hi.isFinite else { return [] }
        guard hi > lo else { return [lo] }
        let step = niceStep((hi - lo) / Double(max(1, count)))
        let first = (lo / step).rounded(.up), last = (hi / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let v = k * step
            return abs(v) < step * 1e-9 ? 0 : v
        }
    }

    /// 1, 2 or 5 times a power of ten, the nearest at or above `raw`.
    public static func niceStep(_ raw: Double) -> Double {
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * power
    }

    /// Ticks for a log axis over [lo, hi] (both > 0): powers of ten; where fewer than two fall
    /// inside (a range within one decade), 1, 2 and 5 times them; where still fewer, round
    /// values spaced evenly, so that a log axis is never read from one tick.
    public static func decades(_ lo: Double, _ hi: Double) -> [Double] {
        guard lo > 0, hi >= lo, lo.isFinite, hi.isFinite else { return [] }
        let a = Int(log10(lo).rounded(.down)), b = Int(log10(hi).rounded(.up))
        let powers = (a...b).map { pow(10, Double($0)) }.filter { $0 >= lo * (1 - 1e-12) && $0 <= hi * (1 + 1e-12) }
        if powers.count >= 2 {
            let step = max(1, powers.count / 6)
            return stride(from: 0, to: powers.count, by: step).map { powers[$0] }
        }
        var oneTwoFive: [Double] = []
        for k in a...b {
            let power = pow(10, Double(k))
            for m in [1.0, 2, 5] where m * power >= lo * (1 - 1e-12) && m * power <= hi * (1 + 1e-12) { oneTwoFive.append(m * power) }
        }
        if oneTwoFive.count >= 2 { return oneTwoFive }
        let even = nice(lo, hi, count: 4)
        return even.count >= 2 ? even : [lo, hi]
    }

    /// Labels for a set of ticks, each different from its neighbours: `label`'s form, with more
    /// significant digits where two would read the same (2.5e+07 and 3e+07, not 3e+07 twice);
    /// for a quantity in bytes, in kB, MB or GB.
    /// - Complexity: O(ticks · digits).
    public static func labels(_ values: [Double], bytes: Bool = false) -> [String] {
        if bytes {
            let top = values.map(abs).max() ?? 0
            let (divisor, unit) = top >= 1e9 ? (1e9, "GB") : top >= 1e6 ? (1e6, "MB") : top >= 1e3 ? (1e3, "kB") : (1, "B")
            return labels(values.map { $0 / divisor }).map { $0 == "0" ? "0" : "\($0) \(unit)" }
        }
        var out = values.map(label)
        var digits = 2
        // Two ticks that read the same get more significant digits, all of them alike.
        while Set(out).count < Set(values).count && digits <= 12 {
            out = values.map { v in v == 0 ? "0" : String(format: "%.\(digits)g", v) }
            digits += 1
        }
        return out
    }

    /// Ticks for an integer quantity: `nice` ticks that are whole numbers, or the two ends.
    public static func whole(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        let ticks = nice(lo, hi, count: count).filter { $0 == $0.rounded() }
        return ticks.count >= 2 || hi <= lo ? ticks : [lo.rounded(.up), hi.rounded(.down)].filter { $0 >= lo && $0 <= hi }
    }

    /// A short label: integers plainly, others with up to 3 significant digits, tiny or huge
    /// values in scientific form.
    public static func label(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 1e5 || a < 1e-3 {
            // The fewest significant digits that give the value back (2.5e+07, not 2e+07).
            for digits in 1...6 {
                let text = String(format: "%.\(digits)g", v)
                if let back = Double(text), abs(back - v) <= 1e-9 * a { return text }
            }
            return String(format: "%.6g", v)
        }
        if v == v.rounded() { return String(format: "%.0f", v) }
        return String(format: "%.3g", v)
    }
}
