extension SlopeError {
    /// `error` as slope's error: itself when it is one, `.cancelled` for a cancelled task,
    /// `.unexpected` with its description otherwise.
    public init(_ error: any Error) {
        switch error {
        case let error as SlopeError: self = error
        case is CancellationError: self = .cancelled
        default: self = .unexpected(reason: String(describing: error))
        }
    }

    /// What `body` returns, with whatever it throws as a `SlopeError` (`init(_:)`): how a
    /// job's entry point keeps its promise of one error type.
    public static func catching<T>(_ body: () throws -> T) throws(SlopeError) -> T {
        do { return try body() } catch { throw SlopeError(error) }
    }

    /// What `body` returns, with whatever it throws as a `SlopeError` (`init(_:)`).
    public static func catching<T>(isolation: isolated (any Actor)? = #isolation,
                                   _ body: () async throws -> T) async throws(SlopeError) -> T {
        do { return try await body() } catch { throw SlopeError(error) }
    }
}
