import FuzzSupport
import SlopeCore
import SlopeStudy

/// The JSON value reader, as trial metrics, as step reports and as stored parameters of a
/// space with every kind of domain.
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

@main struct Main { static func main() { FuzzDriver.run(testOneInput) } }

/// The entry point libFuzzer's own `main` calls, when that is the one linked.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt { FuzzInput.run(data, count, fuzz) }

func fuzz(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    FuzzInput.clean {
        let metrics = try TrialMetrics.decode(text, source: "fuzz")
        _ = try TrialMetrics.decode(metrics.json, source: "fuzz")
    }
    // Every line as a trial's step report: one that reads back from the store as itself.
    for line in text.split(separator: "\n") {
        guard let report = StepReport.parse(line) else { continue }
        FuzzInput.clean {
            let again = try StepReport.decode(step: report.step, report.json, source: "fuzz")
            if again != report { fatalError("a step report changed through the store: \(report) -> \(again)") }
        }
    }
    if let space {
        FuzzInput.clean { _ = try TrialParameters.decode(text, space: space, source: "fuzz").json }
    }
}
