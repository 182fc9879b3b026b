import SlopeCore

/// The report of `slope analyze --report`: the paper's figures for one table.
public enum AnalysisReport {
    public static func render(_ analysis: Analysis, histories: [History], surface: LossSurface,
                              directions: String) -> String {
        let d = analysis.dataset, s = analysis.settings, a = analysis.agreement
        let null = analysis.beyondChance.map { beyond in
            ["Null: \(beyond) of \(a.of) trends beyond chance against \(s.nullTrainings) trainings on the target shuffled (adjusted p ≤ \(FeatureNull.alpha))"
                + (a.expectedUnderNull.map { String(format: "; their labels would make %.1f features agree.", $0) } ?? ".")]
        } ?? []
        let summary = [
            "\(d.file): \(d.rows) rows, \(d.features.count) features, target \(d.target)"
                + (d.constantFeatures.isEmpty ? "" : "; constant, left out: \(d.constantFeatures.joined(separator: ", "))"),
            "Lean network y = \(s.activation.rawValue)(w·x + b), \(s.loss) loss, lr \(s.learningRate), \(s.epochs) epochs, \(s.restarts) restarts (seeds \(s.seeds.first ?? 0)…), features \(s.featureScaling.rawValue).",
            "\(a.count) of \(a.of) features agree: the sign of the consensus \(s.readSeries) trend equals the sign of Spearman ρ"
                + (a.disagreeing.isEmpty ? "." : "; disagreeing: \(a.disagreeing.joined(separator: ", ")).")
                + " Baseline: \(a.expectedByMajority) of \(a.of) would agree if every feature were labelled \(a.majorityLabel.rawValue).",
        ] + null + Self.commonModeLine(analysis.commonMode, series: s.series) + analysis.health.warnings.map { "Warning: \($0.message); the reading is unreliable there." }
        let historyPanes = [(Quantity.d2, HistoryFigure.Axis.epoch), (.d2, .loss), (.d2Tape, .epoch), (.d2Tape, .loss)].map { q, axis in
            (label: "\(q == .d2 ? "diag (exact d2)" : "tape (row sums)") vs \(axis.rawValue)",
             body: HistoryFigure.render(analysis, histories: histories, quantity: q, axis: axis))
        }
        let sections = [
            HTMLPage.Section(
                id: "surface", title: "1. Loss surface",
                caption: "Loss on the plane θ* + α δ + β η (\(directions)); darker is lower. The bold white line is restart 0's training path, which ends at the ring θ* (its trained parameters, the plane's centre). The thin lines are the other restarts' paths projected onto this plane: they end at their own minima, off the plane, so the colour under their ends is not their loss.",
                body: SurfaceFigure.render(surface, directionsLabel: directions)),
            HTMLPage.Section(
                id: "correlations", title: "2. Spearman, Pearson and HSIC",
                caption: "Bars: Spearman ρ of each raw feature with the target and its 95 % interval; diamonds: Pearson r; purple: R2-HSIC, which also sees non-monotonic links. A bar whose interval crosses 0 is not a reliable direction.",
                body: CorrelationFigure.render(analysis)),
            HTMLPage.Section(
                id: "histories", title: "3. Second-derivative histories",
                caption: "d2 of the loss for each feature's weight, every restart faint and the median bold, ranked by trend; a curve that rises as the loss falls marks a feature the fit leans on (the label is the majority over restarts). Switch between the exact diagonal and the tape (row-sum) convention, and between epoch and loss on the x axis. The trend ranks epochs, not loss: on the loss axis the orange dots mark every tenth of the epochs, and where they crowd (late training, low loss, right) weighs most in the label, so a curve that rises over most of the loss range can still read decreasing.",
                body: HTMLPage.switcher(name: "history", options: historyPanes)),
            HTMLPage.Section(
                id: "decay", title: "4. First and third derivatives",
                caption: "Median |d1| (green) and |d3| (orange) over restarts on a log axis; the dashed lines mark the median epoch where each first falls below 10 % of its start. Early collapse means the weight settled early.",
                body: DecayFigure.render(analysis, histories: histories)),
            HTMLPage.Section(
                id: "agreement", title: "5. Agreement",
                caption: "Consensus trend of d2 against the sign of Spearman ρ per feature; highlighted rows disagree and deserve a second look. Null p: the trend against trainings on the target shuffled (adjusted over features); a trend above 0.05 is what a target unrelated to the data gives.",
                body: AgreementTable.render(analysis)),
        ]
        return HTMLPage(title: "slope: \(d.file)", summary: summary, sections: sections).render()
    }

    /// The common mode in words, when the features' trends move together.
    private static func commonModeLine(_ mode: CommonMode, series: TrendSeries) -> [String] {
        guard let mean = mode.mean, mean > CommonMode.high else { return [] }
        return [String(format: "Common mode: the features' d2 histories correlate %.2f on average, ", mean)
            + (series == .relative ? "a shared curvature the relative reading divides out."
                : "so the trends mostly reflect the network's overall curvature, not the single features.")]
    }
}
