extension Design {
    /// Reads the chosen columns of the CSV file at `path` straight into a design, block by
    /// block: memory holds the kept numbers once (N·(n + 1) doubles) plus one block of the file.
    /// Columns that are neither feature nor target are not parsed, so they may hold text.
    /// - Parameter progress: told (bytes read, file size) as the file is read.
    /// - Throws: `SlopeError` naming the file, row and column of the first bad cell, or as
    ///   `init(table:options:)`.
    /// - Complexity: O(size of the file + N·n).
    public init(csvAt path: String, reader: CSVReader, options: DesignOptions,
                progress: ((Int, Int) -> Void)? = nil) throws {
        var builder: DesignBuilder?
        _ = try reader.scan(path: path, progress: { read, size in
            // Reserve for the rows the rest of the file will likely hold, with a margin.
            if let rows = builder?.rowCount, read > 0 {
                builder?.reserve(rows: Int(Double(rows) * Double(size) / Double(read) * 1.25) + 1024)
            }
            progress?(read, size)
        }, start: { names in
            builder = try DesignBuilder(source: path, names: names, options: options)
        }, cell: { row, c, cell in
            guard builder!.wants(c) else { return }
            builder!.set(c, try NumberParser.number(cell, file: path, row: row, column: c, name: builder!.names[c]))
        }, rowEnd: { builder!.endRow() })
        // Taken out of the optional so that the numbers have one owner and are scaled in place.
        self = try builder.take()!.finish(featureScaling: options.featureScaling, targetScaling: options.targetScaling)
    }
}
