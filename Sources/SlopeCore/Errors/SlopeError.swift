import Foundation

/// Every problem slope reports: bad input located as precisely as the input allows, a setting
/// out of range, a study spec or store that cannot be used, a training that diverged.
///
/// The one error type of all of slope's libraries. Every case renders as one line that names
/// the file and, where it applies, the row and column (`message(naming:)`). Rows count lines
/// of the file with the header as row 1, so the number is what an editor shows; columns count
/// from 1 and carry the header name. Settings are named by `Setting`, never by a flag.
public enum SlopeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file does not exist or cannot be read.
    case unreadable(file: String, reason: String)
    /// The file holds no bytes (or only white space).
    case emptyFile(file: String)
    /// The file has a header row and no data rows.
    case headerOnly(file: String)
    /// Every one of the file's `rows` rows has a missing value, so leaving them out leaves none.
    case everyRowMissing(file: String, rows: Int)
    /// A data row has a different number of cells from the header.
    case raggedRow(file: String, row: Int, expected: Int, found: Int)
    /// A cell is empty.
    case emptyCell(file: String, row: Int, column: Int, name: String)
    /// A cell is not a decimal number.
    case notANumber(file: String, row: Int, column: Int, name: String, text: String)
    /// A cell marks a missing value where a number is needed.
    case missingValue(file: String, row: Int, column: Int, name: String, text: String)
    /// Cells that the analysis uses are missing (`count` of them; the first named).
    case missingValues(file: String, count: Int, row: Int, column: Int, name: String, text: String)
    /// A column of numbers holds a cell that is neither a number nor missing.
    case mixedColumn(file: String, row: Int, column: Int, name: String, text: String)
    /// A cell is NaN or infinite.
    case notFinite(file: String, row: Int, column: Int, name: String, text: String)
    /// A cell of a log-scale column is zero or negative.
    case notPositive(file: String, row: Int, column: Int, name: String, text: String)
    /// A quoted cell is not closed before the end of the file.
    case unclosedQuote(file: String, row: Int, column: Int)
    /// Two header cells carry the same name.
    case duplicateColumn(file: String, name: String, first: Int, second: Int)
    /// The header is one column whose name holds another likely separator.
    case oneColumnHeader(file: String, name: String, separator: Character)
    /// A header cell is empty.
    case emptyColumnName(file: String, column: Int)
    /// Too few rows for what was asked.
    case tooFewRows(file: String, rows: Int, needed: Int, purpose: String)
    /// A column is chosen twice as an input or as an output.
    case chosenTwice(file: String, name: String)
    /// A column named in the selection is not in the header.
    case missingColumn(file: String, name: String, available: [String])
    /// Every feature column is constant, so nothing can be learned.
    case allFeaturesConstant(file: String)
    /// The target column takes a single value.
    case constantTarget(file: String, name: String)
    /// No feature (input) column is left after the column selection.
    case noFeatures(file: String)
    /// A structured input file (initial parameters, a spec's YAML) is malformed.
    case invalidFile(file: String, reason: String)
    /// An output file cannot be written.
    case unwritable(file: String, reason: String)
    /// Training produced a non-finite loss or derivative.
    case diverged(restart: Int, epoch: Int)
    /// A null training (the target shuffled) produced a non-finite loss or derivative.
    case nullDiverged(training: Int, epoch: Int)
    /// The multilayer trainer: the loss stopped being finite.
    case networkDiverged(epoch: Int)
    /// A setting's value is out of its domain.
    case invalidSetting(Setting, reason: String)
    /// A study spec is wrong at `key` (a dotted path), on `line` of `file` when known.
    case spec(file: String, line: Int?, key: String, reason: String)
    /// A study store (or another tool's storage) cannot be used: the sentence a person reads,
    /// and what kind of problem it is (`StoreProblem`), for a caller that acts on it.
    case store(file: String, reason: String, problem: StoreProblem = .unusable)
    /// A store holds a study made from another spec.
    case specMismatch(file: String, study: String)
    /// An Optuna storage where a slope store is needed.
    case optunaStorage(file: String)
    /// A storage holds several studies and none was chosen.
    case ambiguousStudy(file: String, studies: [String])
    /// A study's trial program cannot be run.
    case program(reason: String)
    /// What a trial printed is not a metrics line.
    case metrics(reason: String)
    /// The job was asked to stop (`JobContext.stop`, or its task cancelled) before it finished;
    /// it returned nothing.
    case cancelled
    /// An error that is not slope's own reached a job's entry point: a defect of slope, told
    /// in the words of the library that raised it.
    case unexpected(reason: String)

    /// The message with settings named by their labels (`Setting.label`).
    public var description: String { message(naming: \.label) }

    /// The one-line message, with every setting named by `naming` (a front end passes the
    /// names its user typed, e.g. the command line's flags).
    public func message(naming name: (Setting) -> String) -> String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file: \(reason)"
        case let .emptyFile(file):
            return "\(file): the file is empty"
        case let .headerOnly(file):
            return "\(file): the file has a header row but no data rows"
        case let .everyRowMissing(file, rows):
            return "\(file): every one of the \(rows) rows has a missing value in a column used, so none is left once they are left out"
        case let .raggedRow(file, row, expected, found):
            return "\(file): row \(row): expected \(expected) cells as in the header, found \(found)"
        case let .emptyCell(file, row, column, name):
            return "\(file): row \(row), column \(column) (\(Shown.bare(name))): the cell is empty"
        case let .notANumber(file, row, column, header, text):
            let comma = DecimalComma.looksLike(text)
                ? " (it is one with a decimal comma: give the separator with \(name(.decimal)) ,)" : ""
            return "\(file): row \(row), column \(column) (\(Shown.bare(header))): \(Shown.quoted(text)) is not a number" + comma
        case let .missingValue(file, row, column, name, text):
            return "\(file): row \(row), column \(column) (\(Shown.bare(name))): \(text.isEmpty ? "the cell is empty" : Shown.quoted(text) + " marks a missing value"); every cell must be a number"
        case let .missingValues(file, count, row, column, header, text):
            let first = text.isEmpty ? "an empty cell" : Shown.quoted(text)
            return "\(file): \(count) \(count == 1 ? "cell is" : "cells are") missing, the first at row \(row), column \(column) (\(Shown.bare(header))): \(first); leave those rows out with \(name(.missingValues)) drop"
        case let .mixedColumn(file, row, column, header, text):
            return "\(file): row \(row), column \(column) (\(Shown.bare(header))): \(Shown.quoted(text)) is not a number, but the column's other cells are; read the column as levels with \(name(.categorical)) \(Shown.bare(header)), or mark the cell missing with \(name(.missingToken)) \(Shown.bare(text))"
        case let .notFinite(file, row, column, name, text):
            return "\(file): row \(row), column \(column) (\(Shown.bare(name))): \(Shown.quoted(text)) is not a finite number"
        case let .notPositive(file, row, column, name, text):
            return "\(file): row \(row), column \(column) (\(Shown.bare(name))): \(Shown.quoted(text)) is not positive, so it has no logarithm"
        case let .unclosedQuote(file, row, column):
            return "\(file): row \(row), column \(column): a quoted cell is not closed"
        case let .duplicateColumn(file, name, first, second):
            return "\(file): row 1: columns \(first) and \(second) are both named \(Shown.quoted(name))"
        case let .oneColumnHeader(file, header, separator):
            let spelled = separator == "\t" ? "tab" : separator == ";" ? "semicolon" : String(separator)
            return "\(file): row 1: the header is one column, \(Shown.quoted(header)); are the cells separated by \(spelled == "tab" ? "tabs" : "'\(separator)'")? (\(name(.delimiter)) \(spelled))"
        case let .emptyColumnName(file, column):
            return "\(file): row 1, column \(column): the column has no name"
        case let .tooFewRows(file, rows, needed, purpose):
            return "\(file): \(counted(rows, "row")) to measure; \(purpose) needs at least \(needed)"
        case let .chosenTwice(file, header):
            return "\(file): the column \(Shown.quoted(header)) is chosen twice"
        case let .missingColumn(file, name, available):
            return "\(file): row 1: no column named \(Shown.quoted(name)) (columns: \(Shown.list(available)))"
        case let .allFeaturesConstant(file):
            return "\(file): every feature column is constant; there is nothing to learn"
        case let .constantTarget(file, name):
            return "\(file): the target column \(Shown.quoted(name)) is constant"
        case let .noFeatures(file):
            return "\(file): no feature column is left after the column selection"
        case let .invalidFile(file, reason):
            return "\(file): \(reason)"
        case let .unwritable(file, reason):
            return "\(file): cannot write the file: \(reason)"
        case let .networkDiverged(epoch):
            return "training diverged (a non-finite loss) at epoch \(epoch); try a smaller \(name(.learningRate))"
        case let .diverged(restart, epoch):
            return "training diverged (a non-finite loss or derivative) in restart \(restart) at epoch \(epoch); try a smaller \(name(.learningRate))"
        case let .nullDiverged(training, epoch):
            return "null training \(training) (the target shuffled) diverged at epoch \(epoch); try a smaller \(name(.learningRate)), or no null (\(name(.nullTrainings)) 0)"
        case let .invalidSetting(setting, reason):
            return "\(name(setting)): \(reason)"
        case let .spec(file, line, key, reason):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(key): \(reason)"
        case let .store(file, reason, _):
            return "\(file): \(reason)"
        case let .specMismatch(file, study):
            return "\(file): holds study '\(study)' with a different spec; use the spec it was created with or a new \(name(.store))"
        case let .optunaStorage(file):
            return "\(file): an Optuna storage, not a slope store; analyse it as it is, or import it into a slope store"
        case let .ambiguousStudy(file, studies):
            return "\(file): the storage holds \(studies.count) studies (\(studies.map { "\"\($0)\"" }.joined(separator: ", "))); choose one with \(name(.study))"
        case let .program(reason), let .metrics(reason):
            return reason
        case .cancelled:
            return "stopped before it finished; nothing was written"
        case let .unexpected(reason):
            return "an unexpected error (a defect of slope; please report it): \(Shown.bare(reason, limit: 200))"
        }
    }
}
