import FuzzSupport
import SlopeCore
import SlopeStudy

/// Study specs: YAML parsed, checked, planned and written back.
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
        let spec = try SpecReader.read(path: path)
        _ = try spec.fingerprint()
        if spec.trials <= 1000 { _ = spec.plan() }
        _ = SpecWriter.yaml(spec)
    }
    return 0
}
