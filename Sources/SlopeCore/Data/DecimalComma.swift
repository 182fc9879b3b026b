/// Text that would be a number were the decimal separator a comma ("0,0918", "-1,5e3"): what a
/// table written with a comma separator shows when read with a point, so that an error can
/// say so instead of reading numbers as levels or names.
public enum DecimalComma {
    /// True for a sign, digits, one comma, digits and an optional exponent.
    /// - Complexity: O(length of `text`).
    public static func looksLike(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let n = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(n)
            return n
        }
        guard digits() > 0, bytes.first == UInt8(ascii: ","), bytes.count > 1 else { return false }
        bytes = bytes.dropFirst()
        guard digits() > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
