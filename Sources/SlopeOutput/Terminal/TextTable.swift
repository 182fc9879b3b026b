import SlopeCore
import Foundation

/// Aligned plain-text tables and the number formats the terminal output shares.
public enum TextTable {
    /// The header and rows in columns two spaces apart; columns in `leftAligned` are padded
    /// on the right, the others on the left; no trailing spaces.
    /// - Complexity: O(total length of the cells).
    public static func render(header: [String], rows: [[String]], leftAligned: Set<Int>) -> String {
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return leftAligned.contains(c) ? cells[c] + pad : pad + cells[c]
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ([header] + rows).map { line($0) + "\n" }.joined()
    }

    /// Three decimals, or "-" for nil.
    public static func fixed(_ x: Double?) -> String {
        x.map { String(format: "%.3f", $0) } ?? "-"
    }

    /// Four significant digits, or "-" for nil.
    public static func significant(_ x: Double?) -> String {
        x.map { String(format: "%.4g", $0) } ?? "-"
    }

    /// Three decimals from 0.001 up, scientific below, or "-" for nil.
    /// "[0.034, 0.229]" (fixed, three decimals), or "-" without an interval.
    public static func interval(_ i: Interval?) -> String {
        i.map { "[\(fixed($0.lower)), \(fixed($0.upper))]" } ?? "-"
    }

    public static func pValue(_ p: Double?) -> String {
        guard let p else { return "-" }
        return p >= 0.001 ? String(format: "%.3f", p) : String(format: "%.1e", p)
    }
}
