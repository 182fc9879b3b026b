import Foundation

/// The terminal form of an `Analysis`: a ranked, aligned table and the agreement line.
public enum AnalysisTable {
    public static func render(_ analysis: Analysis) -> String {
        let restarts = analysis.settings.restarts
        let header = ["#", "feature", "trend", "increasing", "mean rho", "sd", "spearman", "p", "pearson", "p", "agrees"]
        let rows = analysis.features.map { f -> [String] in
            let increasing = Int((f.trend.shareIncreasing * Double(restarts)).rounded())
            return [
                "\(f.rank)", f.name, f.trend.label.rawValue, "\(increasing)/\(restarts)",
                fixed(f.trend.meanRho), fixed(f.trend.sdRho),
                fixed(f.spearman?.coefficient), pValue(f.spearman?.p),
                fixed(f.pearson?.coefficient), pValue(f.pearson?.p),
                f.agrees ? "yes" : "NO",
            ]
        }
        let leftAligned: Set<Int> = [1, 2, 10]
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return leftAligned.contains(c) ? cells[c] + pad : pad + cells[c]
            }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        var out = line(header) + "\n"
        for row in rows { out += line(row) + "\n" }
        let a = analysis.agreement
        out += "\n\(a.count) of \(a.of) features agree (sign of the consensus \(analysis.settings.convention.rawValue) trend = sign of Spearman rho)"
        out += a.disagreeing.isEmpty ? "\n" : "; disagreeing: \(a.disagreeing.joined(separator: ", "))\n"
        out += "per restart: \(a.perRestart.map(String.init).joined(separator: " ")) of \(a.of)\n"
        return out
    }

    private static func fixed(_ x: Double?) -> String {
        x.map { String(format: "%.3f", $0) } ?? "-"
    }

    private static func pValue(_ p: Double?) -> String {
        guard let p else { return "-" }
        return p >= 0.001 ? String(format: "%.3f", p) : String(format: "%.1e", p)
    }
}
