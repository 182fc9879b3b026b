import SlopeCore
/// HSIC results as CSV, in the ranked order; an empty cell where a value is not defined.
public enum HSICCSV {
    /// `input,hsic,r2_hsic,p_gamma,p_permutation,p_adjusted`, then `hsic_lower,hsic_upper,
    /// r2_hsic_lower,r2_hsic_upper` when bootstrap intervals were computed.
    public static func indices(_ analysis: HSICAnalysis) -> String {
        let intervals = analysis.settings.bootstrap > 0
        var out = "input,hsic,r2_hsic,p_gamma,p_permutation,p_adjusted"
        out += intervals ? ",hsic_lower,hsic_upper,r2_hsic_lower,r2_hsic_upper\n" : "\n"
        for index in analysis.ranked {
            out += CSVField.escape(index.name) + "," + numbers(index) + "," + cells([index.pAdjusted])
            if intervals {
                out += "," + cells([index.hsicInterval?.lower, index.hsicInterval?.upper,
                                    index.r2Interval?.lower, index.r2Interval?.upper])
            }
            out += "\n"
        }
        return out
    }

    /// `input_1,input_2,hsic,r2_hsic,p_gamma,p_permutation,marginal_sum`, then the
    /// interaction test: `interaction_hsic,…,interaction_p_permutation,interaction_p_adjusted`.
    public static func pairs(_ analysis: HSICAnalysis) -> String {
        var out = "input_1,input_2,hsic,r2_hsic,p_gamma,p_permutation,marginal_sum,"
        out += "interaction_hsic,interaction_r2_hsic,interaction_p_gamma,interaction_p_permutation,interaction_p_adjusted\n"
        for pair in analysis.pairs {
            out += CSVField.escape(pair.first) + "," + CSVField.escape(pair.second) + ","
            out += numbers(pair.index) + "," + cells([pair.marginalSum]) + ","
            out += numbers(pair.interaction) + "," + cells([pair.interaction.pAdjusted]) + "\n"
        }
        return out
    }

    static func numbers(_ index: HSICIndex) -> String {
        cells([index.hsic, index.r2HSIC, index.pGamma, index.pPermutation])
    }

    static func cells(_ values: [Double?]) -> String {
        values.map { $0.map { "\($0)" } ?? "" }.joined(separator: ",")
    }
}
