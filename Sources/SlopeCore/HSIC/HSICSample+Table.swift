import Foundation

extension HSICSample {
    /// The sample of `table`'s columns: the output must be a number on every row; an empty
    /// input cell marks the input inactive on that row (a conditional input).
    /// - Throws: `SlopeError` naming the file, row and column of the first bad cell.
    /// The output is the first of `columns.targets` (nil: the last column).
    public init(table: MixedTable, columns: ColumnSelection) throws {
        for name in columns.mentioned { _ = try table.column(name) }
        let header = table.columns.map(\.name)
        guard let targetName = columns.target(among: header) else { throw SlopeError.emptyFile(file: table.source) }
        let target = try table.column(targetName)
        let y = try Self.numbers(target, table)
        let names = columns.inputs(among: header, outputs: [targetName])
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
        return column.numbers.map { $0 ?? .nan }  // every cell was checked to be a number above
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
