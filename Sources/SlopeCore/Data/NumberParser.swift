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
        if let value = fastDecimal(cell, lo, hi) { return .number(value) }
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

    /// `parse`, reading a decimal comma (`1,5`) as a decimal point when `decimalComma`.
    /// - Complexity: O(length of the cell).
    static func parse(_ cell: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Outcome {
        guard decimalComma, cell.contains(UInt8(ascii: ",")) else { return parse(cell) }
        var copy = cell.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }
        copy.append(0)
        return copy.withUnsafeBufferPointer { parse(UnsafeBufferPointer(rebasing: $0.dropLast())) }
    }

    /// The cell's number, or the error naming `file`, `row`, column `column` (0-based) and `name`.
    static func number(_ cell: UnsafeBufferPointer<UInt8>, decimalComma: Bool = false,
                       file: String, row: Int, column: Int, name: String) throws -> Double {
        let outcome = parse(cell, decimalComma: decimalComma)
        switch outcome {
        case .number(let value):
            return value
        case .empty:
            throw SlopeError.emptyCell(file: file, row: row, column: column + 1, name: name)
        case .notANumber, .notFinite:
            let text = CSVReader.text(cell).trimmingCharacters(in: CSVReader.blanks)
            if MissingValues().isMissing(text) {
                throw SlopeError.missingValue(file: file, row: row, column: column + 1, name: name, text: text)
            }
            if outcome == .notFinite {
                throw SlopeError.notFinite(file: file, row: row, column: column + 1, name: name, text: text)
            }
            throw SlopeError.notANumber(file: file, row: row, column: column + 1, name: name, text: text)
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// Clinger's fast path: a plain decimal `[+-]digits[.digits][e[+-]digits]` with at most 19
    /// digits whose value m · 10^e has m < 2^53 and |e| ≤ 22 is m × 10^e or m ÷ 10^−e,
    /// both exact operands, so one correctly rounded operation gives what `strtod` gives.
    /// Anything else returns `nil` and goes to `strtod`.
    /// - Complexity: O(length of the cell).
    static func fastDecimal(_ cell: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Double? {
        guard lo < hi else { return nil }
        var k = lo
        let negative = cell[k] == UInt8(ascii: "-")
        if negative || cell[k] == UInt8(ascii: "+") { k &+= 1 }
        var mantissa: UInt64 = 0, digits = 0, scale = 0
        while k < hi, case let d = cell[k] &- 48, d < 10 {
            mantissa = mantissa &* 10 &+ UInt64(d); digits &+= 1; k &+= 1
        }
        if k < hi && cell[k] == UInt8(ascii: ".") {
            k &+= 1
            while k < hi, case let d = cell[k] &- 48, d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d); digits &+= 1; scale &-= 1; k &+= 1
            }
        }
        guard digits > 0 && digits <= 19 else { return nil }
        if k < hi && (cell[k] | 0x20) == UInt8(ascii: "e") {
            k &+= 1
            var sign = 1
            if k < hi && (cell[k] == UInt8(ascii: "-") || cell[k] == UInt8(ascii: "+")) {
                if cell[k] == UInt8(ascii: "-") { sign = -1 }
                k &+= 1
            }
            var exponent = 0, exponentDigits = 0
            while k < hi, case let d = cell[k] &- 48, d < 10 {
                exponent = exponent &* 10 &+ Int(d); exponentDigits &+= 1; k &+= 1
            }
            guard exponentDigits > 0 && exponentDigits <= 4 else { return nil }
            scale &+= sign * exponent
        }
        guard k == hi && mantissa <= 1 << 53 && scale >= -22 && scale <= 22 else { return nil }
        let m = Double(mantissa)
        let value = scale >= 0 ? m * powersOfTen[scale] : m / powersOfTen[-scale]
        return negative ? -value : value
    }

    private static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 }

    private static func spellsNonFinite(_ cell: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var word = String(decoding: cell[lo..<hi], as: UTF8.self).lowercased()
        if word.hasPrefix("+") || word.hasPrefix("-") { word.removeFirst() }
        return ["nan", "inf", "infinity"].contains(word)
    }
}
