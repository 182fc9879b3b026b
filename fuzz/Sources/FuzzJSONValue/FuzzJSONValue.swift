import FuzzSupport
import SlopeCore
import SlopeStudy

/// The JSON value reader, as trial metrics and as stored parameters of a space with every
/// kind of domain.
nonisolated(unsafe) let space: ParameterSpace? = try? SpecReader.parse("""
    trials: 1
    objectives: {e: minimize}
    command: run
    parameters:
      a: {distribution: uniform, min: 0, max: 1}
      b: {distribution: int_uniform, min: 1, max: 9}
      c: {values: [x, true, 3, 0.5]}
      d: {distribution: q_uniform, min: 0, max: 1, q: 0.25, when: {c: x}}
    """, file: "fuzz.yaml", folder: "").space

@main struct Main {
    static func main() { FuzzDriver.run { data, count in fuzz(data, count) } }
}

/// The entry point libFuzzer's own `main` calls, when that is the one linked.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt { fuzz(data, count) }

func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let start = UnsafeRawPointer(data ?? UnsafePointer(bitPattern: 1)!)
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    FuzzInput.clean {
        let metrics = try TrialMetrics.decode(text, source: "fuzz")
        _ = try TrialMetrics.decode(metrics.json, source: "fuzz")
    }
    if let space {
        FuzzInput.clean { _ = try TrialParameters.decode(text, space: space, source: "fuzz").json }
    }
    return 0
}
