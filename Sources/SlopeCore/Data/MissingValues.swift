/// The cell texts that mark a value as missing: the usual spellings (`NA`, `N/A`, `NaN`,
/// `null`, `?`, any case) and the caller's own tokens (exact). An empty cell is told apart
/// by the readers: in an input column of a table of runs it marks an inactive input.
public struct MissingValues: Sendable, Equatable {
    /// The usual spellings, compared without case.
    public static let usual = ["NA", "N/A", "NaN", "null", "?"]

    /// Further tokens, compared exactly (e.g. `-999`, `missing`).
    public var tokens: [String]

    public init(tokens: [String] = []) { self.tokens = tokens }

    /// True when `text` (trimmed) marks a missing value.
    /// - Complexity: O(number of tokens).
    public func isMissing(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 8 || tokens.contains(text) else { return false }
        let lowered = text.lowercased()
        return Self.usual.contains { $0.lowercased() == lowered } || tokens.contains(text)
    }
}

/// What to do with rows that have a missing value in a column the analysis uses.
public enum MissingPolicy: String, Sendable, CaseIterable {
    /// Refuse the table, naming how many cells are missing and the first one.
    case fail
    /// Leave those rows out (the result says how many).
    case drop
}
