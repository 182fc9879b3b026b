import FuzzSupport
import SlopeCore

/// IDX files, as images and as labels, and as a pair for the digits task.
@main struct Main { static func main() { FuzzDriver.run(testOneInput) } }

/// The entry point libFuzzer's own `main` calls, when that is the one linked.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt { FuzzInput.run(data, count, fuzz) }

func fuzz(_ bytes: UnsafeRawBufferPointer) {
    let path = FuzzInput.file(bytes)
    FuzzInput.clean { _ = try IDXReader.read(path: path, dimensions: 3) }
    FuzzInput.clean { _ = try IDXReader.read(path: path, dimensions: 1) }
    FuzzInput.clean { _ = try ImageSet.read(images: path, labels: path) }
}
