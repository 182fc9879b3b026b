#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses one CSV cell as a finite decimal number.
///
/// Accepts optional surrounding blanks, a sign, digits, a decimal point and an exponent
/// (`-1.5e-3`). Rejects everything else, including hexadecimal and NaN/Inf spellings that
/// `strtod` would take, so that a table means the same thing on every platform.
enum NumberParser {
    enum Outcome: Equatable {
        case number(Double)
        case empty
        case notANumber
        case notFinite
    }

    /// - Precondition: the byte after `cell` is readable and cannot continue a number (the
    ///   scanner puts a 0 byte there), so that `strtod` reads the cell in place.
    /// - Complexity: O(length of the cell).
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Outcome {
        var lo = 0
        var hi = cell.count
        while lo < hi && isBlank(cell[lo]) { lo &+= 1 }
        while hi > lo && isBlank(cell[hi &- 1]) { hi &-= 1 }
        if lo == hi { return .empty }
        var digits = 0
        for k in lo..<hi {
            let c = cell[k]
            if c >= 48 && c <= 57 { digits &+= 1; continue }
            switch c {
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return spellsNonFinite(cell, lo, hi) ? .notFinite : .notANumber
            }
        }
        if digits == 0 { return .notANumber }
        let text = UnsafeRawPointer(cell.baseAddress! + lo).assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>? = nil
        let value = strtod(text, &end)
        guard let end, text.distance(to: UnsafePointer(end)) == hi - lo else { return .notANumber }
        return value.isFinite ? .number(value) : .notFinite
    }

    private static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 }

    private static func spellsNonFinite(_ cell: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var word = String(decoding: cell[lo..<hi], as: UTF8.self).lowercased()
        if word.hasPrefix("+") || word.hasPrefix("-") { word.removeFirst() }
        return ["nan", "inf", "infinity"].contains(word)
    }
}
