import ArgumentParser
import Foundation
import SlopeCore

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
        try OutputFiles.checkWritable(csv)
        try OutputFiles.checkWritable(paths)
        let training = try trainingArguments.options()
        let surfaceArguments = try surfaceArguments.checked()
        let design = try designArguments.design(source, activation: trainingArguments.activation, quiet: quiet)
        try training.validate(for: design)
        let plane = try surfaceArguments.plane(design, seed: training.seed)
        let histories = try trainingArguments.train(design, training, quiet: quiet)
        let surface = surfaceArguments.surface(design, training, histories, plane: plane.0)

        var outputs = OutputFiles()
        outputs.add(csv, Data(LossSurfaceCSV.grid(surface).utf8))
        outputs.add(paths, Data(LossSurfaceCSV.paths(surface, histories: histories).utf8))
        try outputs.write()
        let k = surface.minimumIndex
        print("plane: \(plane.1)")
        let c = surface.coordinates
        print("grid \(c.count) x \(c.count) over [-\(surfaceArguments.span), \(surfaceArguments.span)]: loss at theta* \(surface.centerLoss), grid minimum \(surface.loss[k]) at x = \(c[k % c.count]), y = \(c[k / c.count])")
    }
}
