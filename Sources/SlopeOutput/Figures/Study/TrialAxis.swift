import Foundation
import SlopeCore

/// A hyperparameter's values placed on an axis: numbers on a linear or log scale (log
/// hyperparameters are held as ln x), levels evenly spaced; inactive trials get nil.
struct TrialAxis {
    let name: String
    let kind: InputKind
    /// Each trial's position in [0, 1], nil where the hyperparameter is inactive.
    let positions: [Double?]
    /// Tick positions in [0, 1] with their labels.
    let ticks: [(Double, String)]
    /// Each trial's value as text, for tooltips.
    let labels: [String?]

    init(_ input: HSICInput) {
        name = input.name
        kind = input.kind
        switch input.values {
        case .real(let v):
            let present = v.compactMap { $0 }
            let lo = present.min() ?? 0, hi = present.max() ?? 1
            let span = hi > lo ? hi - lo : 1
            positions = v.map { $0.map { ($0 - lo) / span } }
            let isLog = input.kind == .log
            labels = v.map { $0.map { Ticks.label(isLog ? exp($0) : $0) } }
            if isLog {
                let decades = Ticks.decades(exp(lo), exp(hi))
                ticks = zip(decades, Ticks.labels(decades)).map { ((Foundation.log($0) - lo) / span, $1) }
            } else {
                let values = input.kind == .integer ? Ticks.whole(lo, hi, count: 4) : Ticks.nice(lo, hi, count: 4)
                ticks = zip(values, Ticks.labels(values)).map { (($0 - lo) / span, $1) }
            }
        case .levels(let codes, let names):
            let step = names.count > 1 ? 1 / Double(names.count - 1) : 0
            positions = codes.map { $0.map { names.count > 1 ? Double($0) * step : 0.5 } }
            labels = codes.map { $0.map { names[$0] } }
            ticks = names.enumerated().map { (names.count > 1 ? Double($0.offset) * step : 0.5, $0.element) }
        }
    }

    /// Whether the axis holds levels (categorical or boolean).
    var isLevels: Bool { kind == .categorical || kind == .boolean }
}

/// Whether each trial is in the goal set of `objective` (the best `analysis.goal` fraction of
/// the trials with a value, threshold as the analysis found it).
func goalMembers(_ objective: TrialObjective, _ analysis: ObjectiveAnalysis) -> [Bool] {
    guard let q = analysis.evidence?.thresholds.first ?? nil else { return objective.values.map { _ in false } }
    return objective.values.map { v in v.map { objective.direction == .minimize ? $0 <= q : $0 >= q } ?? false }
}
