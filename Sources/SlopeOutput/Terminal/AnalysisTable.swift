import SlopeCore
import Foundation

/// The terminal form of an `Analysis`: a ranked, aligned table and the agreement line.
public enum AnalysisTable {
    public static func render(_ analysis: Analysis) -> String {
        let restarts = analysis.settings.restarts, withNull = analysis.settings.nullTrainings > 0
        let header = ["#", "feature", "trend", "increasing", "mean rho", "sd"] + (withNull ? ["null p"] : [])
            + ["spearman", "p", "pearson", "p", "R2-HSIC", "p", "agrees"]
        let rows = analysis.features.map { f -> [String] in
            let increasing = Int((f.trend.shareIncreasing * Double(restarts)).rounded())
            let nullP = withNull ? [TextTable.pValue(f.null?.pAdjusted) + (f.null?.beyondChance == true ? " *" : "")] : []
            return [
                "\(f.rank)", f.name, f.trend.label.rawValue, "\(increasing)/\(restarts)",
                TextTable.fixed(f.trend.meanRho), TextTable.fixed(f.trend.sdRho)] + nullP + [
                TextTable.fixed(f.spearman?.coefficient), TextTable.pValue(f.spearman?.p),
                TextTable.fixed(f.pearson?.coefficient), TextTable.pValue(f.pearson?.p),
                TextTable.fixed(f.hsic.r2HSIC), TextTable.pValue(f.hsic.pGamma),
                f.agrees ? "yes" : "NO",
            ]
        }
        var out = TextTable.render(header: header, rows: rows, leftAligned: [1, 2, header.count - 1])
        let a = analysis.agreement
        out += "\n\(a.count) of \(a.of) features agree (sign of the consensus \(analysis.settings.readSeries) trend = sign of Spearman rho)"
        out += a.disagreeing.isEmpty ? "\n" : "; disagreeing: \(a.disagreeing.joined(separator: ", "))\n"
        let nonMonotonic = analysis.features.filter(\.nonMonotonic).map(\.name)
        if !nonMonotonic.isEmpty {
            out += "dependent by HSIC but not by Spearman (p <= 0.05 vs > 0.05), a non-monotonic link: \(nonMonotonic.joined(separator: ", "))\n"
        }
        out += "per restart: \(a.perRestart.map(String.init).joined(separator: " ")) of \(a.of)\n"
        out += "baseline: \(a.expectedByMajority) of \(a.of) would agree if every feature were labelled \(a.majorityLabel.rawValue) (the majority label)"
        out += a.expectedUnderNull.map { "; \(String(format: "%.1f", $0)) on average with the target shuffled\n" } ?? "\n"
        if let beyond = analysis.beyondChance {
            out += "null: \(beyond) of \(a.of) trends beyond chance (null p, Benjamini-Hochberg adjusted, <= \(FeatureNull.alpha), marked *) against \(analysis.settings.nullTrainings) trainings on the target shuffled\n"
        }
        if let mean = analysis.commonMode.mean {
            let defined = analysis.commonMode.perRestart.compactMap { $0 }
            out += "common mode: the features' d2 histories correlate \(TextTable.fixed(mean)) on average (per restart \(TextTable.fixed(defined.min())) to \(TextTable.fixed(defined.max())))"
            out += mean <= CommonMode.high ? "\n" : analysis.settings.series == .relative
                ? "; the relative reading divides this shared curvature out\n"
                : "; the trends mostly reflect the network's overall curvature, not the single features (the relative reading divides that shared curvature out)\n"
        }
        if !analysis.health.ok {
            out += "training health: \(analysis.health.warnings.map(\.message).joined(separator: "; ")); the reading is unreliable there\n"
        }
        return out
    }
}

extension Analysis.Settings {
    /// The series the trend read, in words: `diag`, or `relative diag (slope's extension: …)`.
    var readSeries: String {
        series == .paper ? convention.rawValue : "relative \(convention.rawValue) (slope's extension: share of curvature)"
    }
}
