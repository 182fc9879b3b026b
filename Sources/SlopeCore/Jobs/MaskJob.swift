/// Everything `slope mask` needs: IDX images and labels, the two-class task, the training and
/// the rule that keeps pixels.
public struct MaskRequest: Sendable {
    /// The idx3 image file and the idx1 label file.
    public let images: String, labels: String
    /// One digit (one vs rest) or two different digits (a vs b).
    public let digits: [Int]
    /// Use this many of the chosen images (seeded by the training's seed); nil: all.
    public let subset: Int?
    /// Which pixels the mask keeps.
    public let rule: PixelMask.Rule
    public let training: TrainingOptions
    /// How each pixel's d2 history is read.
    public let reading: ReadingOptions

    /// - Throws: `SlopeError.invalidSetting` for digits, subset, top or training settings out of range.
    public init(images: String, labels: String, digits: [Int] = [0, 1], subset: Int? = nil, rule: PixelMask.Rule = .increasing,
                training: TrainingOptions = TrainingOptions(), reading: ReadingOptions) throws(SlopeError) {
        guard digits.count == 1 || digits.count == 2, Set(digits).count == digits.count else {
            throw SlopeError.invalidSetting(.digits, reason: "give one digit (one vs rest) or two different digits")
        }
        if let subset, subset < 2 { throw SlopeError.invalidSetting(.subset, reason: "must be at least 2") }
        if case .top(let k) = rule, k < 1 { throw SlopeError.invalidSetting(.top, reason: "must be at least 1") }
        try training.validate()
        self.images = images
        self.labels = labels
        self.digits = digits
        self.subset = subset
        self.rule = rule
        self.training = training
        self.reading = reading
    }

    /// "3 vs rest" or "0 vs 1".
    public var task: String { digits.count == 1 ? "\(digits[0]) vs rest" : "\(digits[0]) vs \(digits[1])" }
}

/// What `slope mask` computes.
public struct MaskResult: Sendable {
    /// What produced the result: the files, the digits, the rule, the training (seed).
    public let request: MaskRequest
    /// Every image and label of the files.
    public let images: ImageSet
    /// The task's training data (one row an image used).
    public let design: Design
    /// One history per restart, one parameter per pixel.
    public let histories: [History]
    public let mask: PixelMask
    /// Up to 12 images of the chosen digits, to show with the mask applied.
    public let sampleImages: [Int]
}

/// `slope mask` as a library call: trains the lean network on the pixels and keeps the pixels
/// whose d2 trend the rule selects (docs/method.md, "Image mask").
public enum MaskJob {
    /// - Throws: `SlopeError` for a corrupt IDX file, a digit no image has, or a diverged training.
    /// - Complexity: O(images · pixels · restarts · epochs).
    public static func run(_ request: MaskRequest, context: JobContext = JobContext()) throws(SlopeError) -> MaskResult {
        try context.perform { context in try find(request, context) }
    }

    private static func find(_ request: MaskRequest, _ context: JobContext) throws -> MaskResult {
        let set = try ImageSet.read(images: request.images, labels: request.labels)
        let table = try set.task(digits: request.digits, subset: request.subset, seed: request.training.seed)
        let design = try Design(table: table, options: DesignOptions(
            columns: ColumnSelection(target: ImageSet.targetName), targetScaling: request.training.activation.targetScaling))
        try request.training.validate(for: design)
        let trained = try LeanTraining.histories(design, request.training, null: request.reading.null, context: context)
        let histories = trained.restarts
        let reading = Reading(design: design, histories: histories, null: trained.null, options: request.reading)
        let mask = PixelMask(width: set.width, height: set.height, reading: reading, rule: request.rule)
        let samples = Array(set.labels.indices.filter { request.digits.contains(set.labels[$0]) }.prefix(12))
        return MaskResult(request: request, images: set, design: design, histories: histories, mask: mask, sampleImages: samples)
    }
}
