import Foundation

extension Design {
    /// Reads the chosen columns of the CSV file at `path` straight into a design: blocks of the
    /// file are parsed in parallel (each from the line it starts on, so messages name the right
    /// row) and appended in order, so memory holds the kept numbers once (N·(n + 1) doubles)
    /// plus a few blocks, and the design is the same to the bit as one read row by row.
    /// Columns that are neither feature nor target are not parsed, so they may hold text.
    /// - Parameter progress: told (bytes read, file size) as the file is read.
    /// - Throws: `SlopeError` naming the file, row and column of the first bad cell, or as
    ///   `init(table:options:)`.
    /// - Complexity: O(size of the file + N·n).
    public init(csvAt path: String, reader: CSVReader, options: DesignOptions,
                progress: ((Int, Int) -> Void)? = nil) throws {
        var builder: DesignBuilder?
        var state = CSVReader.ScanState()
        var size = 0, parsed = 0
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        try CSVBlocks.forEachBatch(path: path, blockSize: reader.blockSize, count: 2 * cores, progress: { read, total in
            size = total
            progress?(read, total)
        }) { blocks in
            var next = 0
            // Until the header is read, blocks are scanned one by one.
            while builder == nil && next < blocks.count {
                var rows: DesignRows?
                try blocks[next].withUnsafeBufferPointer { block in
                    try reader.scan(block: block, source: path, state: &state, start: { names in
                        builder = try DesignBuilder(source: path, names: names, options: options)
                        rows = builder!.rows()
                        rows!.decimalComma = reader.decimalComma
                    }, cell: { try rows!.cell($0, $1, $2) }, rowEnd: { rows!.endRow() })
                }
                if let rows { builder!.append(rows: rows.values) }
                next += 1
            }
            guard var fresh = builder?.rows() else { return }
            fresh.decimalComma = reader.decimalComma
            let empty = fresh
            var starts: [Int] = []
            for block in blocks[next...] {
                starts.append(state.line)
                state.line += CSVBlocks.lineBreaks(block)
            }
            let shared = state, lines = starts, first = next
            let results = try parallelMap(lines.count) { j -> (values: [Double], rows: Int) in
                var local = shared
                local.rows = 0
                local.line = lines[j]
                var rows = empty
                try blocks[first + j].withUnsafeBufferPointer { block in
                    try reader.scan(block: block, source: path, state: &local, start: { _ in },
                                    cell: { try rows.cell($0, $1, $2) }, rowEnd: { rows.endRow() })
                }
                return (rows.values, local.rows)
            }
            for result in results {
                builder!.append(rows: result.values)
                state.rows += result.rows
            }
            // Reserve for the rows the rest of the file will likely hold, with a margin.
            parsed += blocks.reduce(0) { $0 + $1.count }
            if let rows = builder?.rowCount, parsed > 0, size > 0 {
                builder!.reserve(rows: Int(Double(rows) * Double(size) / Double(parsed) * 1.25) + 1024)
            }
        }
        _ = try state.finish(path)
        // Taken out of the optional so that the numbers have one owner and are scaled in place.
        guard let complete = builder.take() else { throw SlopeError.emptyFile(file: path) }
        self = try complete.finish(featureScaling: options.featureScaling, targetScaling: options.targetScaling)
    }
}
