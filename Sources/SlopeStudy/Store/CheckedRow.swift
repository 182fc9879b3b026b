import GRDB
import SlopeCore

/// A database row whose cells are read with their type checked: a cell of another type (a
/// BLOB where text belongs, text where a number belongs, a negative count) is a store error
/// naming the file, the table, the column and the row, never a trap.
struct CheckedRow {
    let row: Row
    /// The file, for messages.
    let file: String
    /// "table row N" or similar, for messages.
    let place: String

    /// The cell of `column`, which must not be NULL.
    func value<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let value = try optional(column, as: type) else {
            throw SlopeError.store(file: file, reason: "\(place): \(column) is empty (NULL)", problem: .damaged)
        }
        return value
    }

    /// The cell of `column`, nil when NULL.
    func optional<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T? {
        guard row.hasColumn(column) else {
            throw SlopeError.store(file: file, reason: "\(place): no column \(column)", problem: .damaged)
        }
        let cell: DatabaseValue = row[column]
        if cell.isNull { return nil }
        guard let value = T.fromDatabaseValue(cell) else {
            throw SlopeError.store(file: file, reason: "\(place): \(column) holds \(Self.describe(cell)), not \(Self.kind(type))", problem: .damaged)
        }
        return value
    }

    private static func describe(_ cell: DatabaseValue) -> String {
        switch cell.storage {
        case .null: return "NULL"
        case .int64(let k): return "the integer \(k)"
        case .double(let x): return "the number \(x)"
        case .string(let s): return "the text \(Shown.quoted(s))"
        case .blob(let b): return "a BLOB of \(b.count) bytes"
        }
    }

    private static func kind<T>(_ type: T.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Double.Type: return "a number"
        default: return "a whole number"
        }
    }
}
