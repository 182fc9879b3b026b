/// How histories are read (docs/method.md, "The reading").
public struct ReadingOptions: Sendable, Equatable {
    /// Which second derivative the trend reads.
    public let convention: Convention
    /// |ρ| below this is a flat trend; in [0, 1).
    public let flat: Double

    /// - Throws: `SlopeError.invalidSetting(.flat, …)` outside [0, 1).
    public init(convention: Convention = .diag, flat: Double = 0.1) throws {
        guard flat >= 0 && flat < 1 else { throw SlopeError.invalidSetting(.flat, reason: "must be in [0, 1)") }
        self.convention = convention
        self.flat = flat
    }
}
