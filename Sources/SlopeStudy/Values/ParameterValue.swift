/// One hyperparameter's value in a trial.
public enum ParameterValue: Hashable, Sendable, Encodable, CustomStringConvertible {
    case real(Double)
    case integer(Int)
    case text(String)
    case boolean(Bool)

    /// The value as a command-line argument: shortest round-trip decimal for reals,
    /// `true`/`false` for booleans.
    public var description: String {
        switch self {
        case let .real(x): return "\(x)"
        case let .integer(k): return "\(k)"
        case let .text(s): return s
        case let .boolean(b): return b ? "true" : "false"
        }
    }

    /// The value as a JSON literal.
    public var json: String {
        switch self {
        case .real, .integer, .boolean: return description
        case let .text(s): return JSONText.quoted(s)
        }
    }

    /// The value as a number, where it is one (booleans as 0 and 1).
    public var number: Double? {
        switch self {
        case let .real(x): return x
        case let .integer(k): return Double(k)
        case let .boolean(b): return b ? 1 : 0
        case .text: return nil
        }
    }
}
