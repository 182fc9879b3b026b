/// A fully connected network: `depth` hidden layers of `width` units with one activation,
/// then a linear output layer. Weights are stored row-major as inputs × outputs.
public struct MLPNetwork: Sendable {
    /// Layer l maps `sizes[l]` inputs to `sizes[l + 1]` outputs.
    public let sizes: [Int]
    public let activation: Activation
    /// Per layer: weights (inputs × outputs) then biases, one flat array.
    public internal(set) var parameters: [[Double]]

    /// Weights drawn from N(0, 2 / fan_in) for relu and gelu (He), N(0, 2 / (fan_in + fan_out))
    /// otherwise (Xavier); zero biases.
    public init(inputs: Int, width: Int, depth: Int, outputs: Int, activation: Activation, generator g: inout SeededGenerator) {
        sizes = [inputs] + Array(repeating: width, count: depth) + [outputs]
        self.activation = activation
        let he = activation == .relu || activation == .gelu
        parameters = (0..<(sizes.count - 1)).map { [sizes] l in
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            let sd = (2.0 / Double(he ? fanIn : fanIn + fanOut)).squareRoot()
            return (0..<(fanIn * fanOut)).map { _ in sd * g.nextNormal() } + Array(repeating: 0, count: fanOut)
        }
    }

    var layerCount: Int { sizes.count - 1 }

    /// The forward pass on `rows` rows of `x` (row-major): `z[l]` (rows × sizes[l + 1]) holds
    /// layer l's pre-activations, the last being the output; `a[l]` the activations of hidden
    /// layer l.
    func forward(_ x: UnsafeBufferPointer<Double>, rows: Int) -> (z: [[Double]], a: [[Double]]) {
        var z: [[Double]] = [], a: [[Double]] = []
        var input = Array(x)
        for l in 0..<layerCount {
            let nIn = sizes[l], nOut = sizes[l + 1]
            var out = [Double](repeating: 0, count: rows * nOut)
            parameters[l].withUnsafeBufferPointer { p in
                input.withUnsafeBufferPointer { a in
                    out.withUnsafeMutableBufferPointer { o in
                        DenseKernels.forward(a.baseAddress!, rows: rows, inputs: nIn, p.baseAddress!,
                                             p.baseAddress! + nIn * nOut, outputs: nOut, into: o.baseAddress!)
                    }
                }
            }
            z.append(out)
            if l < layerCount - 1 {
                input = out.map { activation($0) }
                a.append(input)
            }
        }
        return (z, a)
    }

    /// The gradient of the loss with respect to every parameter, given the forward pass on `x`
    /// and the loss's gradient `gOut` with respect to the output pre-activations.
    func gradient(_ x: UnsafeBufferPointer<Double>, rows: Int, forward: (z: [[Double]], a: [[Double]]),
                  outputGradient gOut: [Double]) -> [[Double]] {
        var grads = parameters.map { [Double](repeating: 0, count: $0.count) }
        var g = gOut
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let nIn = sizes[l], nOut = sizes[l + 1]
            let input = l == 0 ? Array(x) : forward.a[l - 1]
            input.withUnsafeBufferPointer { a in
                g.withUnsafeBufferPointer { gp in
                    grads[l].withUnsafeMutableBufferPointer { gw in
                        DenseKernels.weightGradient(a.baseAddress!, rows: rows, inputs: nIn, gp.baseAddress!, outputs: nOut,
                                                    into: gw.baseAddress!, bias: gw.baseAddress! + nIn * nOut)
                    }
                }
            }
            guard l > 0 else { break }
            // Back through the weights (via their transpose) and the activation's derivative.
            var wt = [Double](repeating: 0, count: nIn * nOut)
            for i in 0..<nIn { for j in 0..<nOut { wt[j * nIn + i] = parameters[l][i * nOut + j] } }
            var d = [Double](repeating: 0, count: rows * nIn)
            g.withUnsafeBufferPointer { gp in
                wt.withUnsafeBufferPointer { w in
                    d.withUnsafeMutableBufferPointer { dp in
                        DenseKernels.inputGradient(gp.baseAddress!, rows: rows, outputs: nOut, w.baseAddress!, inputs: nIn,
                                                   into: dp.baseAddress!)
                    }
                }
            }
            let zPrev = forward.z[l - 1]
            for k in d.indices { d[k] *= activation(Jet.variable(zPrev[k])).d1 }
            g = d
        }
        return grads
    }
}
