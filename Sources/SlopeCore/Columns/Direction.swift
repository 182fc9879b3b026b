/// Whether small or large values of an output are good (a loss is minimised, an accuracy
/// maximised): the one direction of goals, objectives and studies.
public enum Direction: String, Sendable, Codable, Hashable, CaseIterable {
    case minimize, maximize

    /// True when `a` is a better value than `b`.
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        self == .minimize ? a < b : a > b
    }

    /// `value` as a loss, smaller being better: negated when maximised.
    public func loss(_ value: Double) -> Double { self == .minimize ? value : -value }
}
