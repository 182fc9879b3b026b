import Foundation
import SlopeCore

/// The agreement table: per feature the consensus trend against the sign of Spearman's ρ,
/// disagreements highlighted.
public enum AgreementTable {
    public static func render(_ analysis: Analysis) -> String {
        var out = "<table><thead><tr><th>feature</th><th>trend</th><th>restarts increasing</th><th>mean ρ (trend)</th>"
        out += "<th>null p</th><th>Spearman ρ</th><th>p</th><th>R2-HSIC</th><th>agrees</th></tr></thead><tbody>\n"
        let restarts = analysis.settings.restarts
        for f in analysis.features {
            let increasing = Int((f.trend.shareIncreasing * Double(restarts)).rounded())
            out += f.agrees ? "<tr>" : "<tr class=\"disagree\">"
            let cells = [f.name, f.trend.label.rawValue, "\(increasing)/\(restarts)", TextTable.fixed(f.trend.meanRho),
                         TextTable.pValue(f.null?.pAdjusted), TextTable.fixed(f.spearman?.coefficient), TextTable.pValue(f.spearman?.p),
                         TextTable.fixed(f.hsic.r2HSIC), f.agrees ? "yes" : "no"]
            out += cells.map { "<td>\(XML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>"
    }
}
