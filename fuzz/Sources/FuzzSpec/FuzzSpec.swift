import FuzzSupport
import SlopeCore
import SlopeStudy

/// Study specs: YAML parsed, checked, planned and written back.
@main struct Main { static func main() { FuzzDriver.run(testOneInput) } }

/// The entry point libFuzzer's own `main` calls, when that is the one linked.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt { FuzzInput.run(data, count, fuzz) }

func fuzz(_ bytes: UnsafeRawBufferPointer) {
    let path = FuzzInput.file(bytes)
    FuzzInput.clean {
        let spec = try SpecReader.read(path: path)
        _ = try spec.fingerprint()
        if spec.trials <= 1000 { _ = spec.plan() }
        _ = SpecWriter.yaml(spec)
    }
}
