/// The image mask of the paper's Fig. 5: per pixel the consensus trend of d2 as the loss
/// falls; pixels with an increasing trend are kept, the rest (and constant pixels) masked.
public struct PixelMask: Sendable {
    /// Which pixels the mask keeps.
    public enum Rule: Sendable, Equatable, CustomStringConvertible {
        /// Pixels whose consensus d2 trend is increasing (the paper's rule).
        case increasing
        /// The k non-constant pixels with the highest mean ρ (a relative reading, for when
        /// every trend has the same sign).
        case top(Int)

        public var description: String {
            switch self {
            case .increasing: return "d2 increasing"
            case .top(let k): return "the \(k) highest mean ρ"
            }
        }
    }

    public let rule: Rule
    public let width: Int
    public let height: Int
    /// Mean ρ over restarts per pixel (row-major); nil for a constant pixel.
    public let meanRho: [Double?]
    /// The consensus label per pixel; nil for a constant pixel.
    public let labels: [TrendLabel?]
    /// |Pearson r| of the raw pixel with the target (the plain baseline); nil when constant.
    public let pearson: [Double?]

    private let keptPixels: [Bool]

    /// Whether pixel p is kept by the mask.
    public func kept(_ p: Int) -> Bool { keptPixels[p] }

    public var keptCount: Int { keptPixels.filter { $0 }.count }

    /// - Parameter reading: the reading of a design whose features are named by
    ///   `ImageSet.pixelName` (constant pixels are absent from it).
    public init(width: Int, height: Int, reading: Reading, rule: Rule = .increasing) {
        self.rule = rule
        self.width = width
        self.height = height
        var byName: [String: FeatureReport] = [:]
        for f in reading.features { byName[f.name] = f }
        let names = (0..<height).flatMap { r in (0..<width).map { ImageSet.pixelName(r, $0) } }
        meanRho = names.map { byName[$0]?.trend.meanRho }
        labels = names.map { byName[$0]?.trend.label }
        pearson = names.map { byName[$0]?.pearson.map { abs($0.coefficient) } }
        switch rule {
        case .increasing:
            keptPixels = labels.map { $0 == .increasing }
        case .top(let k):
            let rho = meanRho
            let order = rho.indices.filter { rho[$0] != nil }.sorted { rho[$0]! != rho[$1]! ? rho[$0]! > rho[$1]! : $0 < $1 }
            let chosen = Set(order.prefix(k))
            keptPixels = rho.indices.map { chosen.contains($0) }
        }
    }
}
