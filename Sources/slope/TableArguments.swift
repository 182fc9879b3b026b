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
    @Option(help: "The cell separator: one character, or comma, semicolon, tab.")
    var delimiter: Delimiter = Delimiter(argument: ",")!
    @Option(help: "The decimal separator of numbers: . or , (then the cells need another separator).")
    var decimal: DecimalSeparator = DecimalSeparator(argument: ".")!

    /// The table with the target, the given inputs (nil: all but the target), the dropped
    /// columns and the tokens of missing values.
    func source(inputs: [String]?, missing: [String] = [], log: [String] = [], categorical: [String] = []) throws -> TableSource {
        var columns = ColumnSelection(target: target, inputs: inputs, ignored: drop?.names ?? [])
        columns.log = log
        columns.categorical = categorical
        return try TableSource(path: file, delimiter: delimiter.character, decimal: decimal.character,
                               missing: MissingValues(tokens: missing), columns: columns)
    }
}

/// `.` or `,`.
struct DecimalSeparator: ExpressibleByArgument, CustomStringConvertible {
    let character: Character
    init?(argument: String) {
        guard argument == "." || argument == "," else { return nil }
        character = Character(argument)
    }

    /// The separator itself, as the help shows the default.
    var description: String { String(character) }
    var defaultValueDescription: String { description }
}

/// Which columns are features and how they are scaled: shared by `analyze` and `surface`.
struct DesignArguments: ParsableArguments {
    @Option(help: "Comma-separated feature columns to use (default: all but the target).")
    var features: NameList?
    @Option(help: "Feature scaling: minmax, zscore or none.")
    var scale: FeatureScaling = .minMax
}
