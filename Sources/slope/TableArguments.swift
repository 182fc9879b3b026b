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
