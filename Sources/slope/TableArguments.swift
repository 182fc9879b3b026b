import ArgumentParser
import SlopeCore
import SlopeOutput

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

    /// The table with the target, the given inputs (nil: all but the target) and the dropped columns.
    func source(inputs: [String]?) throws -> TableSource {
        try TableSource(path: file, delimiter: delimiter.character,
                        columns: ColumnSelection(target: target, inputs: inputs, ignored: drop?.names ?? []))
    }
}

/// Which columns are features and how they are scaled: shared by `analyze` and `surface`.
struct DesignArguments: ParsableArguments {
    @Option(help: "Comma-separated feature columns to use (default: all but the target).")
    var features: NameList?
    @Option(help: "Feature scaling: minmax, zscore or none.")
    var scale: FeatureScaling = .minMax
}
