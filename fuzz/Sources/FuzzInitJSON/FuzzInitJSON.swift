import FuzzSupport
import SlopeCore

/// Initial-parameter files (`--init`), read and checked.
@main struct Main {
    static func main() { FuzzDriver.run { data, count in fuzz(data, count) } }
}

/// The entry point libFuzzer's own `main` calls, when that is the one linked.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt { fuzz(data, count) }

func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let start = UnsafeRawPointer(data ?? UnsafePointer(bitPattern: 1)!)
    let path = FuzzInput.file(UnsafeRawBufferPointer(start: start, count: count))
    FuzzInput.clean {
        var training = TrainingOptions()
        training.initial = try InitialParameters.read(path: path)
        try training.validate()
    }
    return 0
}
