/// Grey images with labels: `pixels[k * width * height + r * width + c]`, values as read.
public struct ImageSet: Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [Double]
    public let labels: [Int]

    public var count: Int { labels.count }
    public var pixelCount: Int { width * height }

    public init(width: Int, height: Int, pixels: [Double], labels: [Int]) {
        precondition(pixels.count == width * height * labels.count)
        self.width = width
        self.height = height
        self.pixels = pixels
        self.labels = labels
    }

    /// Reads an idx3 image file and an idx1 label file of the same count.
    public static func read(images: String, labels: String) throws -> ImageSet {
        let x = try IDXReader.read(path: images, dimensions: 3)
        let y = try IDXReader.read(path: labels, dimensions: 1)
        guard x.dimensions[0] == y.dimensions[0] else {
            throw SlopeError.invalidFile(file: labels, reason: "\(y.dimensions[0]) labels for \(x.dimensions[0]) images in \(images)")
        }
        return ImageSet(width: x.dimensions[2], height: x.dimensions[1], pixels: x.values.map(Double.init),
                        labels: y.values.map(Int.init))
    }

    /// The name of the task table's target column.
    public static let targetName = "target"

    /// The name of pixel (r, c) as a feature: "r3c5".
    public static func pixelName(_ r: Int, _ c: Int) -> String { "r\(r)c\(c)" }

    /// A two-class table for the lean network: with one digit a, target 1{label = a} over all
    /// images (one-vs-rest); with two digits a, b, the images of a or b and target 1{label = b}.
    /// `subset` keeps that many of the chosen images, drawn by a seeded shuffle (in order).
    public func task(digits: [Int], subset: Int?, seed: UInt64) throws -> Table {
        guard digits.count == 1 || digits.count == 2, Set(digits).count == digits.count else {
            throw SlopeError.invalidSetting(.digits, reason: "give one digit (one vs rest) or two different digits")
        }
        var rows = digits.count == 1 ? Array(0..<count) : (0..<count).filter { digits.contains(labels[$0]) }
        for d in digits where !labels.contains(d) {
            throw SlopeError.invalidSetting(.digits, reason: "no image has the label \(d)")
        }
        if let subset, subset < rows.count {
            guard subset >= 2 else { throw SlopeError.invalidSetting(.subset, reason: "must be at least 2") }
            var g = SeededGenerator(seed: seed)
            rows = g.sample(subset, of: rows.count).map { rows[$0] }
        }
        guard let positive = digits.last else {
            throw SlopeError.invalidSetting(.digits, reason: "give one digit (one vs rest) or two different digits")
        }
        var columns = (0..<pixelCount).map { p in rows.map { pixels[$0 * pixelCount + p] } }
        columns.append(rows.map { labels[$0] == positive ? 1.0 : 0.0 })
        let names = (0..<height).flatMap { r in (0..<width).map { Self.pixelName(r, $0) } } + [Self.targetName]
        return try Table(source: "images", columnNames: names, columns: columns)
    }
}
