/// A value from a user's file as an error message shows it: in quotes, on one line (control
/// characters escaped), and at most `limit` characters of it.
public enum Shown {
    /// The most characters of a value a message shows.
    public static let limit = 60

    /// `"text"`, escaped and shortened: `"abc…" (1048576 characters)` for a long value.
    /// - Complexity: O(limit).
    public static func quoted(_ text: String) -> String {
        "\"" + bare(text) + "\"" + (text.count > limit ? " (\(text.count) characters)" : "")
    }

    /// The text escaped and shortened to `limit` characters, without quotes.
    public static func bare(_ text: String, limit: Int = Shown.limit) -> String {
        var out = ""
        for ch in text.prefix(limit) {
            for scalar in ch.unicodeScalars {
                switch scalar {
                case "\n": out += "\\n"
                case "\"": out += "\\\""
                default: append(scalar, to: &out)
                }
            }
        }
        return text.count > limit ? out + "…" : out
    }

    /// Text for a terminal, whole: every control character but the line break escaped
    /// (`\u{1b}`), so that a name read from a file cannot move the cursor, ring the bell,
    /// clear the screen or hide what follows it.
    /// - Complexity: O(n) for n characters.
    public static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" { out.unicodeScalars.append(scalar) } else { append(scalar, to: &out) }
        }
        return out
    }

    /// `scalar`, escaped when it is a control character (C0, DEL, C1).
    private static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value):
            out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }

    /// Names as a list, each shortened, at most `count` of them.
    public static func list(_ names: [String], count: Int = 30) -> String {
        let shown = names.prefix(count).map { bare($0) }.joined(separator: ", ")
        return names.count > count ? shown + ", … (\(names.count) in all)" : shown
    }
}
