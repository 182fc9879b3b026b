/// One hyperparameter's value in a trial (its Codable form is part of a study's fingerprint:
/// never change it).
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
