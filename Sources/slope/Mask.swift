import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput

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
    @Option(parsing: .unconditional, help: "Use N of the chosen images (seeded).")
    var subset: Int?
    @Option(parsing: .unconditional, help: "Keep the K pixels with the highest mean rho instead of the increasing ones.")
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
        let chosen = try digits.names.map { name in
            guard let d = Int(name) else { throw SlopeError.invalidSetting(.digits, reason: "\"\(name)\" is not a label number") }
            return d
        }
        let request = try MaskRequest(images: images, labels: labels, digits: chosen, subset: subset,
                                      rule: top.map { .top($0) } ?? .increasing,
                                      training: trainingArguments.options(), reading: ReadingOptions(nullTrainings: 0))
        for path in [report, pgm, csv] { try OutputFiles.checkWritable(path) }
        let result = try MaskJob.run(request, context: JobContext(progress: Terminal.progress(quiet: quiet)))
        let mask = result.mask, set = result.images, training = result.request.training

        var outputs = OutputFiles()
        outputs.add(pgm, Data(PixelMaskFiles.pgm(mask).utf8))
        outputs.add(csv, Data(PixelMaskFiles.csv(mask).utf8))
        if let report {
            let settings = "\(result.design.rowCount) images used; lean network \(training.activation.rawValue), lr \(training.learningRate), \(training.epochs) epochs, \(training.restarts) restarts."
            outputs.add(report, Data(MaskReport.render(mask, images: set, sampleRows: result.sampleImages, task: result.request.task,
                                                       source: images, settings: settings).utf8))
        }
        try outputs.write()
        Terminal.show(MaskText.render(mask, task: result.request.task, images: result.design.rowCount))
        if mask.keptCount == 0 {
            Terminal.warning("no pixel has an increasing d2 trend (every trend falls with the loss); --top K keeps the K least decreasing")
        }
    }
}
