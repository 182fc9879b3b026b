import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput

/// `slope surface`: the loss on a plane through the trained parameters, as a CSV grid.
struct Surface: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the loss surface around the trained parameters as CSV (x, y, loss).")

    @OptionGroup var source: TableArguments
    @OptionGroup var designArguments: DesignArguments
    @OptionGroup var trainingArguments: TrainingArguments
    @OptionGroup var surfaceArguments: SurfaceArguments
    @Option(help: "Write the grid as CSV: x (alpha), y (beta), loss.")
    var csv: String
    @Option(help: "Write the projected training paths as CSV: restart, epoch, x, y, loss.")
    var paths: String?
    @Flag(help: "No progress line.")
    var quiet = false

    func run() throws {
        let request = try SurfaceRequest(
            table: source.source(inputs: designArguments.features?.names), featureScaling: designArguments.scale,
            training: trainingArguments.options(), surface: surfaceArguments.options())
        for path in [csv, paths] { try OutputFiles.checkWritable(path) }
        let result = try SurfaceJob.run(request, context: JobContext(progress: Terminal.progress(quiet: quiet)))
        Terminal.warnConstant(result.design.constantFeatures, in: source.file)
        let surface = result.surface

        var outputs = OutputFiles()
        outputs.add(csv, Data(LossSurfaceCSV.grid(surface).utf8))
        outputs.add(paths, Data(LossSurfaceCSV.paths(surface, histories: result.histories).utf8))
        try outputs.write()
        let k = surface.minimumIndex
        let made = result.request
        Terminal.show("plane: \(PlaneCaption.text(made.surface.plane, seed: made.training.seed))\n")
        let c = surface.coordinates
        print("grid \(c.count) x \(c.count) over [-\(made.surface.span), \(made.surface.span)]: loss at theta* \(surface.centerLoss), grid minimum \(surface.loss[k]) at x = \(c[k % c.count]), y = \(c[k / c.count])")
    }
}
