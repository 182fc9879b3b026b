/// The per-sample loss ℓ(y, t) between the network output y and the target t.
///
/// Written once, generically over `SmoothScalar`, like `Activation`.
public enum Loss: Sendable, Equatable, Codable {
    /// (y - t)².
    case mse
    /// log(cosh(y - t)).
    case logCosh
    /// ½ r² for |r| ≤ delta, delta (|r| - ½ delta) beyond, with r = y - t.
    case huber(delta: Double)

    /// ℓ(y, t).
    @inlinable
    public func callAsFunction<T: SmoothScalar>(_ y: T, _ t: Double) -> T {
        let r = y - t
        switch self {
        case .mse:
            return r * r
        case .logCosh:
            return T.logCosh(r)
        case .huber(let delta):
            let a = r.primal < 0 ? -r : r
            return a.primal <= delta ? 0.5 * a * a : (a - 0.5 * delta) * delta
        }
    }

    /// The command-line name: `mse`, `logcosh`, `huber`.
    public var name: String {
        switch self {
        case .mse: return "mse"
        case .logCosh: return "logcosh"
        case .huber: return "huber"
        }
    }
}
