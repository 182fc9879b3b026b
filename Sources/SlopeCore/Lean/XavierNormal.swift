/// Xavier/Glorot normal initialisation for one neuron: w_i ~ N(0, 2 / (n_in + n_out)) with
/// n_in = n features and n_out = 1; the bias starts at 0.
public enum XavierNormal {
    /// n weights, then a zero bias, drawn from `generator`.
    public static func parameters(features n: Int, using generator: inout SeededGenerator) -> [Double] {
        let sd = (2.0 / Double(n + 1)).squareRoot()
        return (0..<n).map { _ in sd * generator.nextNormal() } + [0]
    }
}
