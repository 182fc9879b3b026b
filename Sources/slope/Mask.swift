import ArgumentParser
import Foundation
import SlopeCore
import SlopeReport

/// `slope mask`: which pixels drive a digit classifier, by the d2 trend of each pixel's weight.
struct Mask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build an image mask from per-pixel second-derivative trends (IDX images).",
        discussion: """
            Trains the lean network on the pixels (features scaled to [0, 1]), reads the trend \
            of every pixel's d2 as the loss falls, keeps the pixels whose consensus trend is \
            increasing and masks the rest (constant pixels are masked).
            """)

    @Argument(help: "An idx3 file of images (the MNIST format).")
    var images: String
    @Option(help: "The idx1 file of labels.")
    var labels: String
    @Option(help: "One digit (one vs rest) or two digits a,b (a vs b).")
    var digits: NameList = NameList(argument: "0,1")!
    @Option(help: "Use N of the chosen images (seeded).")
    var subset: Int?
    @Option(help: "Keep the K pixels with the highest mean rho instead of the increasing ones.")
    var top: Int?
    @OptionGroup var trainingArguments: TrainingArguments

    @Option(help: "Write the HTML report.")
    var report: String?
    @Option(help: "Write the mask as a PGM image (255 kept, 0 masked).")
    var pgm: String?
    @Option(help: "Write pixel,row,column,mean_rho,trend,kept,abs_pearson as CSV.")
    var csv: String?
    @Flag(help: "No progress line.")
    var quiet = false

    func run() throws {
        for path in [report, pgm, csv] { try OutputFiles.checkWritable(path) }
        if let top, top < 1 { throw SlopeError.invalidOption(name: "--top", reason: "must be at least 1") }
        let chosen = try digits.names.map { name in
            guard let d = Int(name) else { throw SlopeError.invalidOption(name: "--digits", reason: "\"\(name)\" is not a label number") }
            return d
        }
        let training = try trainingArguments.options()
        let set = try ImageSet.read(images: images, labels: labels)
        let table = try set.task(digits: chosen, subset: subset, seed: trainingArguments.seed)
        let design = try Design(table: table, options: DesignOptions(
            target: "target", targetScaling: trainingArguments.activation.targetScaling))
        try training.validate(for: design)
        let histories = try trainingArguments.train(design, training, quiet: quiet)
        let reading = Reading(design: design, histories: histories, convention: .diag, flat: 0.1)
        let mask = PixelMask(width: set.width, height: set.height, reading: reading, rule: top.map { .top($0) } ?? .increasing)
        let task = chosen.count == 1 ? "\(chosen[0]) vs rest" : "\(chosen[0]) vs \(chosen[1])"

        var outputs = OutputFiles()
        outputs.add(pgm, Data(mask.pgm.utf8))
        outputs.add(csv, Data(mask.csv.utf8))
        if let report {
            let samples = Array(set.labels.indices.filter { chosen.contains(set.labels[$0]) }.prefix(12))
            let settings = "\(design.rowCount) images used; lean network \(training.activation.rawValue), lr \(training.learningRate), \(training.epochs) epochs, \(training.restarts) restarts."
            outputs.add(report, Data(MaskReport.render(mask, images: set, sampleRows: samples, task: task,
                                                       source: images, settings: settings).utf8))
        }
        try outputs.write()
        print("\(task): \(design.rowCount) images, \(set.width) x \(set.height) pixels")
        print("\(mask.keptCount) of \(set.pixelCount) pixels kept (\(mask.rule)), \(mask.labels.filter { $0 == nil }.count) constant pixels masked")
        if mask.keptCount == 0 {
            Terminal.warning("no pixel has an increasing d2 trend (every trend falls with the loss); --top K keeps the K least decreasing")
        }
        print(mask.pgm.split(separator: "\n").dropFirst(4).map { row in
            row.split(separator: " ").map { $0 == "255" ? "#" : "." }.joined()
        }.joined(separator: "\n"))
    }
}
