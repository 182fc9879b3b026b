/// Rows for `MLPTrainer`: features (row-major, standardised with the training rows' mean and
/// standard deviation) and targets, split once into training and validation rows.
public struct MLPData: Sendable {
    public enum Targets: Sendable, Equatable {
        /// Class indices 0 ..< count, with the original label of each class.
        case classes([Int], labels: [Double])
        /// Real values, standardised; `scale` (the training rows' standard deviation) turns a
        /// standardised error back into the target's units.
        case values([Double], scale: Double)
    }

    public let features: Int
    public let train: (x: [Double], targets: Targets)
    public let validation: (x: [Double], targets: Targets)

    public var trainCount: Int { train.x.count / features }
    public var validationCount: Int { validation.x.count / features }
    /// Output units: the class count, or 1 for regression.
    public var outputs: Int {
        if case let .classes(_, labels) = train.targets { return labels.count } else { return 1 }
    }

    /// Splits `rows` (row-major, `features` a row) and their `targets` by a seeded shuffle:
    /// `validationShare` of the rows (at least one) for validation. `classify` maps distinct
    /// target values to classes; otherwise targets are real values.
    public init(rows x: [Double], features: Int, targets y: [Double], classify: Bool,
                validationShare: Double, splitSeed: UInt64) throws(SlopeError) {
        let n = y.count
        guard validationShare > 0 && validationShare < 1 else {
            throw .invalidSetting(.validationShare, reason: "must be a share in (0, 1)")
        }
        let nValidation = max(1, Int((Double(n) * validationShare).rounded()))
        guard n - nValidation >= 2 else { throw .invalidSetting(.validationShare, reason: "leaves fewer than 2 training rows") }
        var order = Array(0..<n)
        var g = SeededGenerator(seed: splitSeed)
        g.shuffle(&order)
        let trainRows = Array(order[nValidation...]), validationRows = Array(order[..<nValidation])

        // Standardise every feature with the training rows only.
        var mean = Array(repeating: 0.0, count: features), sd = Array(repeating: 0.0, count: features)
        for r in trainRows { for j in 0..<features { mean[j] += x[r * features + j] } }
        for j in 0..<features { mean[j] /= Double(trainRows.count) }
        for r in trainRows { for j in 0..<features { let d = x[r * features + j] - mean[j]; sd[j] += d * d } }
        for j in 0..<features { sd[j] = (sd[j] / Double(trainRows.count)).squareRoot(); if sd[j] == 0 { sd[j] = 1 } }
        func matrix(_ rows: [Int]) -> [Double] {
            rows.flatMap { r in (0..<features).map { (x[r * features + $0] - mean[$0]) / sd[$0] } }
        }

        let targets: (Targets, Targets)
        if classify {
            let labels = Array(Set(y)).sorted()
            guard labels.count >= 2 else { throw .invalidSetting(.task, reason: "classification needs at least 2 classes") }
            let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
            targets = (.classes(trainRows.map { index[y[$0]]! }, labels: labels),
                       .classes(validationRows.map { index[y[$0]]! }, labels: labels))
        } else {
            let m = trainRows.reduce(0) { $0 + y[$1] } / Double(trainRows.count)
            let s = (trainRows.reduce(0) { $0 + (y[$1] - m) * (y[$1] - m) } / Double(trainRows.count)).squareRoot()
            guard s > 0 else { throw .invalidSetting(.target, reason: "the target is constant on the training rows") }
            targets = (.values(trainRows.map { (y[$0] - m) / s }, scale: s),
                       .values(validationRows.map { (y[$0] - m) / s }, scale: s))
        }
        self.features = features
        train = (matrix(trainRows), targets.0)
        validation = (matrix(validationRows), targets.1)
    }
}
