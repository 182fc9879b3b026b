import Foundation

extension HSICSample {
    /// The sample of `table`'s columns. The output is the first of `columns.targets` (nil: the
    /// last column) and must be a number on every row it keeps; an empty input cell marks the
    /// input inactive on that row (a conditional input). A column is read as levels when asked
    /// (`columns.categorical`) or when none of its cells is a number; a column of numbers with
    /// a cell that is neither a number nor missing is refused.
    ///
    /// Missing cells (`MissingValues` tokens anywhere, an empty output cell): with `.fail` the
    /// table is refused naming how many and the first; with `.drop` their rows are left out.
    /// - Returns: the sample and how many rows were left out.
    /// - Throws: `SlopeError` naming the file, row and column of the first bad cell.
    /// - Complexity: O(rows · columns).
    public static func make(table: MixedTable, columns: ColumnSelection,
                            missing: MissingPolicy = .fail) throws -> (sample: HSICSample, droppedRows: Int) {
        let header = table.columns.map(\.name)
        try columns.check(against: header, file: table.source)
        guard let targetName = columns.target(among: header) else { throw SlopeError.emptyFile(file: table.source) }
        let target = try table.column(targetName)
        if let (row, text) = target.firstText {
            throw SlopeError.notANumber(file: table.source, row: row, column: target.position, name: target.name, text: text)
        }
        let names = columns.inputs(among: header, outputs: [targetName])
        guard !names.isEmpty else { throw SlopeError.noFeatures(file: table.source) }
        let used = try names.map { try table.column($0) }

        // Missing cells: the output's empty or missing cells, the inputs' missing tokens.
        var gaps: [(k: Int, column: MixedTable.Column)] = target.numbers.indices.filter { target.numbers[$0] == nil }.map { ($0, target) }
        for column in used { gaps += column.missing.map { ($0, column) } }
        if let first = gaps.min(by: { $0.k != $1.k ? $0.k < $1.k : $0.column.position < $1.column.position }) {
            if missing == .fail {
                throw SlopeError.missingValues(file: table.source, count: gaps.count, row: table.rowNumbers[first.k],
                                               column: first.column.position, name: first.column.name,
                                               text: first.column.firstMissingText.flatMap { first.column.missing.contains(first.k) ? $0 : nil } ?? "")
            }
        }
        let dropped = Set(gaps.map(\.k))
        let keep = table.rowNumbers.indices.filter { !dropped.contains($0) }
        guard !keep.isEmpty else {
            throw table.rowNumbers.isEmpty ? SlopeError.headerOnly(file: table.source)
                : SlopeError.everyRowMissing(file: table.source, rows: table.rowNumbers.count)
        }

        let inputs = try used.map { column in
            try input(column, table, log: columns.log.contains(column.name),
                      categorical: columns.categorical.contains(column.name)).restricted(to: keep)
        }
        let y = keep.map { target.numbers[$0] ?? .nan }  // kept rows have a number
        return (HSICSample(source: table.source, outputName: target.name, output: y, inputs: inputs), dropped.count)
    }

    /// One column as an HSIC input (missing cells are nil, like inactive ones).
    static func input(_ column: MixedTable.Column, _ table: MixedTable,
                      log: Bool, categorical: Bool) throws -> HSICInput {
        if categorical || !column.hasNumbers {
            // Numbers written with a decimal comma are never read as levels without a word.
            let texts = column.texts.compactMap { $0 }
            if !categorical, !texts.isEmpty, texts.allSatisfy(DecimalComma.looksLike), let (row, text) = column.firstText {
                throw SlopeError.notANumber(file: table.source, row: row, column: column.position, name: column.name, text: text)
            }
            if log, let (row, text) = column.firstText {
                throw SlopeError.notANumber(file: table.source, row: row, column: column.position, name: column.name, text: text)
            }
            return .levels(name: column.name, labels: column.texts, names: Array(Set(column.texts.compactMap { $0 })).sorted())
        }
        if let (row, text) = column.firstText {
            throw SlopeError.mixedColumn(file: table.source, row: row, column: column.position, name: column.name, text: text)
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
