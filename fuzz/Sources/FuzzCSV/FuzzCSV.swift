import FuzzSupport
import SlopeCore

/// CSV tables: the numeric reader, the mixed reader with an HSIC sample on top, and the
/// streaming design reader, with both decimal separators.
@main struct Main { static func main() { FuzzDriver.run(testOneInput) } }

/// The entry point libFuzzer's own `main` calls, when that is the one linked.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt { FuzzInput.run(data, count, fuzz) }

func fuzz(_ bytes: UnsafeRawBufferPointer) {
    let path = FuzzInput.file(bytes)
    for (delimiter, decimal) in [(Character(","), Character(".")), (";", ",")] {
        FuzzInput.clean {
            let reader = try CSVReader(delimiter: delimiter, decimal: decimal)
            _ = try reader.read(path: path)
        }
        FuzzInput.clean {
            let reader = try CSVReader(delimiter: delimiter, decimal: decimal)
            let table = try reader.readMixed(path: path, missing: MissingValues(tokens: ["-999"]))
            _ = try HSICSample.make(table: table, columns: ColumnSelection(), missing: .drop)
        }
        FuzzInput.clean {
            let reader = try CSVReader(delimiter: delimiter, decimal: decimal)
            _ = try Design(csvAt: path, reader: reader, options: DesignOptions(featureScaling: .zScore))
        }
    }
}
