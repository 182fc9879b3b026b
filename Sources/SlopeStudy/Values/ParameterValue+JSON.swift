import SlopeCore

extension ParameterValue {
    /// The value as a JSON literal.
    public var json: String {
        switch self {
        case .real, .integer, .boolean: return description
        case let .text(s): return JSONText.quoted(s)
        }
    }
}
