/// One quantity to measure against the output: an input, or a pair of inputs, on its rows.
struct HSICIndexJob: Sendable {
    /// The name the index carries.
    let name: String
    /// The sample rows it is measured on, ascending.
    let rows: [Int]
    /// Whether its kernel has k(x, x) = 1 (needed by the gamma p-value).
    let unitDiagonal: Bool
    /// Builds its Gram matrix on `rows`; nil when the input is constant there.
    let gram: @Sendable () -> GramMatrix?
}
