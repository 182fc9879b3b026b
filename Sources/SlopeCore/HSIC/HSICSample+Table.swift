import Foundation

/// Which columns of a table are the output and the inputs, and how to read the inputs.
public struct HSICColumns: Sendable {
    /// The output column.
    public var target: String
    /// The input columns (nil: every column but the target and `drop`).
    public var inputs: [String]?
    /// Columns left out.
    public var drop: [String] = []
    /// Numeric inputs read on a log scale.
    public var log: [String] = []
    /// Numeric inputs read as unordered levels (text columns are levels anyway).
    public var categorical: [String] = []

    public init(target: String, inputs: [String]? = nil) {
        self.target = target
        self.inputs = inputs
    }
}

extension HSICSample {
    /// The sample of `table`'s columns: the output must be a number on every row; an empty
    /// input cell marks the input inactive on that row (a conditional input).
    /// - Throws: `SlopeError` naming the file, row and column of the first bad cell.
    public init(table: MixedTable, columns: HSICColumns) throws {
        for name in [columns.target] + columns.drop + columns.log + columns.categorical + (columns.inputs ?? []) {
            _ = try table.column(name)
        }
        let target = try table.column(columns.target)
        let y = try Self.numbers(target, table)
        let names = columns.inputs ?? table.columns.map(\.name).filter { $0 != columns.target && !columns.drop.contains($0) }
        guard !names.isEmpty else { throw SlopeError.noFeatures(file: table.source) }
        let inputs = try names.map { name in
            try Self.input(try table.column(name), table, log: columns.log.contains(name),
                           categorical: columns.categorical.contains(name))
        }
        self.init(source: table.source, outputName: target.name, output: y, inputs: inputs)
    }

    private static func numbers(_ column: MixedTable.Column, _ table: MixedTable) throws -> [Double] {
        if let (row, text) = column.firstText {
            throw SlopeError.notANumber(file: table.source, row: row, column: column.position, name: column.name, text: text)
        }
        if let row = column.firstEmptyRow(table.rowNumbers) {
            throw SlopeError.emptyCell(file: table.source, row: row, column: column.position, name: column.name)
        }
        return column.numbers.map { $0! }
    }

    static func input(_ column: MixedTable.Column, _ table: MixedTable,
                      log: Bool, categorical: Bool) throws -> HSICInput {
        if categorical || !column.isNumeric {
            if log, let (row, text) = column.firstText {
                throw SlopeError.notANumber(file: table.source, row: row, column: column.position, name: column.name, text: text)
            }
            return .levels(name: column.name, labels: column.texts, names: Array(Set(column.texts.compactMap { $0 })).sorted())
        }
        if log {
            let values = try column.numbers.enumerated().map { k, value -> Double? in
                guard let value else { return nil }
                guard value > 0 else {
                    throw SlopeError.notPositive(file: table.source, row: table.rowNumbers[k], column: column.position,
                                                 name: column.name, text: column.texts[k] ?? "")
                }
                return Foundation.log(value)
            }
            return HSICInput(name: column.name, kind: .log, values: .real(values))
        }
        return .numbers(name: column.name, values: column.numbers)
    }
}
