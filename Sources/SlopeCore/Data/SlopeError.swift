import Foundation

/// A problem with the user's input, located as precisely as the input allows.
///
/// Every case renders as one line that names the file and, where it applies, the row and
/// column (`description`). Rows count lines of the file with the header as row 1, so the
/// number is what an editor shows; columns count from 1 and carry the header name.
public enum SlopeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file does not exist or cannot be read.
    case unreadable(file: String, reason: String)
    /// The file holds no bytes (or only white space).
    case emptyFile(file: String)
    /// The file has a header row and no data rows.
    case headerOnly(file: String)
    /// A data row has a different number of cells from the header.
    case raggedRow(file: String, row: Int, expected: Int, found: Int)
    /// A cell is empty.
    case emptyCell(file: String, row: Int, column: Int, name: String)
    /// A cell is not a decimal number.
    case notANumber(file: String, row: Int, column: Int, name: String, text: String)
    /// A cell is NaN or infinite.
    case notFinite(file: String, row: Int, column: Int, name: String, text: String)
    /// A cell of a log-scale column is zero or negative.
    case notPositive(file: String, row: Int, column: Int, name: String, text: String)
    /// A quoted cell is not closed before the end of the file.
    case unclosedQuote(file: String, row: Int, column: Int)
    /// Two header cells carry the same name.
    case duplicateColumn(file: String, name: String, first: Int, second: Int)
    /// A column named on the command line is not in the header.
    case missingColumn(file: String, name: String, available: [String])
    /// Every feature column is constant, so nothing can be learned.
    case allFeaturesConstant(file: String)
    /// The target column takes a single value.
    case constantTarget(file: String, name: String)
    /// No feature is left after `--features` / `--drop`.
    case noFeatures(file: String)
    /// A structured input file (e.g. `--init`) is malformed.
    case invalidFile(file: String, reason: String)
    /// An output file cannot be written.
    case unwritable(file: String, reason: String)
    /// Training produced a non-finite loss or derivative.
    case diverged(restart: Int, epoch: Int)
    /// `slope mlp`: the loss stopped being finite.
    case networkDiverged(epoch: Int)
    /// An option value is out of its domain.
    case invalidOption(name: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file: \(reason)"
        case let .emptyFile(file):
            return "\(file): the file is empty"
        case let .headerOnly(file):
            return "\(file): the file has a header row but no data rows"
        case let .raggedRow(file, row, expected, found):
            return "\(file): row \(row): expected \(expected) cells as in the header, found \(found)"
        case let .emptyCell(file, row, column, name):
            return "\(file): row \(row), column \(column) (\(name)): the cell is empty"
        case let .notANumber(file, row, column, name, text):
            return "\(file): row \(row), column \(column) (\(name)): \"\(text)\" is not a number"
        case let .notFinite(file, row, column, name, text):
            return "\(file): row \(row), column \(column) (\(name)): \"\(text)\" is not a finite number"
        case let .notPositive(file, row, column, name, text):
            return "\(file): row \(row), column \(column) (\(name)): \"\(text)\" is not positive, so it has no logarithm"
        case let .unclosedQuote(file, row, column):
            return "\(file): row \(row), column \(column): a quoted cell is not closed"
        case let .duplicateColumn(file, name, first, second):
            return "\(file): row 1: columns \(first) and \(second) are both named \"\(name)\""
        case let .missingColumn(file, name, available):
            return "\(file): row 1: no column named \"\(name)\" (columns: \(available.joined(separator: ", ")))"
        case let .allFeaturesConstant(file):
            return "\(file): every feature column is constant; there is nothing to learn"
        case let .constantTarget(file, name):
            return "\(file): the target column \"\(name)\" is constant"
        case let .noFeatures(file):
            return "\(file): no feature column is left after --features and --drop"
        case let .invalidFile(file, reason):
            return "\(file): \(reason)"
        case let .unwritable(file, reason):
            return "\(file): cannot write the file: \(reason)"
        case let .networkDiverged(epoch):
            return "training diverged (a non-finite loss) at epoch \(epoch); try a smaller --lr"
        case let .diverged(restart, epoch):
            return "training diverged (a non-finite loss or derivative) in restart \(restart) at epoch \(epoch); try a smaller --lr"
        case let .invalidOption(name, reason):
            return "option \(name): \(reason)"
        }
    }
}
