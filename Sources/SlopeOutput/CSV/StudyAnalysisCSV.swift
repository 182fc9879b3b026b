import SlopeCore
/// A study analysis as CSV, one row per objective and hyperparameter (or pair), ranked within
/// each objective; an empty cell where a value is not defined.
public enum StudyAnalysisCSV {
    /// `objective,parameter,hsic,r2_hsic,p_gamma,p_permutation`.
    public static func indices(_ analysis: StudyAnalysis) -> String {
        var out = "objective,parameter,hsic,r2_hsic,p_gamma,p_permutation\n"
        for o in analysis.objectives {
            for index in o.hsic?.ranked ?? [] {
                out += [o.objective, index.name].map(CSVField.escape).joined(separator: ",") + "," + HSICCSV.numbers(index) + "\n"
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
            for pair in o.hsic?.pairs ?? [] {
                out += [o.objective, pair.first, pair.second].map(CSVField.escape).joined(separator: ",") + "," + HSICCSV.numbers(pair.index)
                out += "," + HSICCSV.numbers(pair.interaction) + "," + (pair.interaction.pAdjusted.map { "\($0)" } ?? "") + "\n"
            }
        }
        return out
    }
}
