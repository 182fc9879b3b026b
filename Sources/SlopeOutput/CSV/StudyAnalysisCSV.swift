import SlopeCore
/// A study analysis as CSV, one row per objective and hyperparameter (or pair), ranked within
/// each objective; an empty cell where a value is not defined.
public enum StudyAnalysisCSV {
    /// `objective,parameter,component,hsic,r2_hsic,p_gamma,p_permutation,p_combined,p_adjusted`:
    /// one row per component of the evidence (`goal 0.1`, …, `ranked`), the hyperparameters
    /// ranked by evidence; the combined and adjusted p-values repeated on each of its rows.
    public static func indices(_ analysis: StudyAnalysis) -> String {
        var out = "objective,parameter,component,hsic,r2_hsic,p_gamma,p_permutation,p_combined,p_adjusted\n"
        for o in analysis.objectives {
            guard let evidence = o.evidence else { continue }
            for p in evidence.ranked {
                for (k, component) in evidence.components.enumerated() {
                    let c = p.component(k)
                    out += [o.objective, p.name, component.description].map(CSVField.escape).joined(separator: ",") + ","
                    out += HSICCSV.cells([c?.hsic, c?.r2HSIC, c?.pGamma, c?.pPermutation, p.pCombined, p.pAdjusted]) + "\n"
                }
            }
        }
        return out
    }

    /// `objective,parameter_1,parameter_2,hsic,r2_hsic,p_gamma,p_permutation`, then the
    /// interaction beyond the two: `interaction_hsic,…,interaction_p_permutation,interaction_p_adjusted`.
    public static func pairs(_ analysis: StudyAnalysis) -> String {
        var out = "objective,parameter_1,parameter_2,hsic,r2_hsic,p_gamma,p_permutation,"
        out += "interaction_hsic,interaction_r2_hsic,interaction_p_gamma,interaction_p_permutation,interaction_p_adjusted\n"
        for o in analysis.objectives {
            for pair in o.pairs {
                out += [o.objective, pair.first, pair.second].map(CSVField.escape).joined(separator: ",") + "," + HSICCSV.numbers(pair.index)
                out += "," + HSICCSV.numbers(pair.interaction) + "," + (pair.interaction.pAdjusted.map { "\($0)" } ?? "") + "\n"
            }
        }
        return out
    }
}
