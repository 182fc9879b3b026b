import ArgumentParser
import SlopeCore

/// The arguments every command that reads a table shares: the file, its output column, the
/// columns to leave out and the delimiter.
struct TableArguments: ParsableArguments {
    @Argument(help: "A CSV table with a header row.")
    var file: String
    @Option(help: "The target (output) column (default: the last column).")
    var target: String?
    @Option(help: "Comma-separated columns to leave out.")
    var drop: NameList?
    @Option(help: "The cell separator: one character, or 'tab'.")
    var delimiter: Delimiter = Delimiter(argument: ",")!

    /// A reader for the chosen delimiter.
    func reader() throws -> CSVReader { try CSVReader(delimiter: delimiter.character) }
}

/// Which columns are features and how they are scaled: shared by `analyze` and `surface`.
struct DesignArguments: ParsableArguments {
    @Option(help: "Comma-separated feature columns to use (default: all but the target).")
    var features: NameList?
    @Option(help: "Feature scaling: minmax, zscore or none.")
    var scale: FeatureScaling = .minMax

    /// Reads the chosen columns of the table straight into the design (with a progress line
    /// unless `quiet`), warning about constant columns left out.
    func design(_ source: TableArguments, activation: Activation, quiet: Bool) throws -> Design {
        let design = try Design(csvAt: source.file, reader: source.reader(), options: DesignOptions(
            target: source.target, features: features?.names, drop: source.drop?.names ?? [],
            featureScaling: scale, targetScaling: activation.targetScaling),
            progress: Terminal.byteProgress("reading", quiet: quiet))
        for name in design.constantFeatures {
            Terminal.warning("\(source.file): column \"\(name)\" is constant and is left out")
        }
        return design
    }
}
