/// One training inside a pass of the `HistoryKernel`: its current parameters, the target it
/// fits and what it records.
struct KernelTrack: Sendable {
    /// n weights, then the bias.
    var theta: [Double]
    /// Index into `HistoryKernel.targets`: 0 the design's target, k the k-th shuffled one.
    let target: Int
    /// `nil` for a restart (all quantities); for a null training, the convention whose second
    /// derivative the reading reads (only d1 and that one are gathered).
    let reads: Convention?

    /// The quantities gathered, in the order of the kernel's sums.
    var recorded: [Quantity] {
        switch reads {
        case nil: return [.d1, .d2, .d3, .d2Tape, .d3Tape]
        case let convention?: return [.d1, convention.quantity]
        }
    }

    /// Numbers per pass: the loss, then `recorded.count` blocks of p = n + 1.
    func width(parameters p: Int) -> Int { 1 + recorded.count * p }
}
