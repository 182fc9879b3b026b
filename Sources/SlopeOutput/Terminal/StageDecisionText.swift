import Foundation
import SlopeCore

extension StageDecision {
    /// The decision in one sentence, its stage called `stageName`: "stage refine (reduce on
    /// error, 40 trials screened, alpha 0.05): kept lr (p 0.026), width (p 0.026); fixed
    /// optimizer = momentum (p 0.073)".
    public func sentence(stageName name: String) -> String {
        let kept = choices.filter { $0.fixed == nil }.map { c in
            "\(c.parameter) (\(c.pText)" + (c.low.flatMap { low in c.high.map { ", narrowed to [\(low), \($0)]" } } ?? "") + ")"
        }
        let fixed = choices.compactMap { c in c.fixed.map { "\(c.parameter) = \($0) (\(c.pText))" } }
        return "stage \(name) (reduce on \(objective), \(counted(trials, "trial")) screened, goal \(String(format: "%.3g", goal)), alpha \(alpha)): "
            + (kept.isEmpty ? "" : "kept " + kept.joined(separator: ", "))
            + (kept.isEmpty || fixed.isEmpty ? "" : "; ")
            + (fixed.isEmpty ? "nothing fixed" : "fixed " + fixed.joined(separator: ", "))
    }
}

extension StageDecision.Choice {
    /// "p 0.026", "p 0.92, raw 0.81", or "not tested".
    public var pText: String {
        guard let pValue else { return "not tested" }
        let raw = fixed != nil ? pRaw.map { String(format: ", raw %.3g", $0) } ?? "" : ""
        return String(format: "p %.3g", pValue) + raw
    }
}
