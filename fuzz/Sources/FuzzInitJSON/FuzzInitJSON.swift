import FuzzSupport
import SlopeCore

/// Initial-parameter files (`--init`), read and checked.
@main struct Main { static func main() { FuzzDriver.run(testOneInput) } }

/// The entry point libFuzzer's own `main` calls, when that is the one linked.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt { FuzzInput.run(data, count, fuzz) }

func fuzz(_ bytes: UnsafeRawBufferPointer) {
    let path = FuzzInput.file(bytes)
    FuzzInput.clean {
        var training = TrainingOptions()
        training.initial = try InitialParameters.read(path: path)
        try training.validate()
    }
}
