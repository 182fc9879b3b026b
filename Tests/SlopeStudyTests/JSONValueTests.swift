import Testing
@testable import SlopeStudy

@Suite struct JSONValueTests {
    @Test func numbersReadBackExactly() {
        var g = SeededGeneratorForTests(seed: 1)
        for _ in 0..<2000 {
            let x = g.nextDouble() * pow10(Int(g.nextDouble() * 20) - 10)
            let value = JSONValue.parse(JSONText.object([("x", "\(x)")]))
            #expect(value?.pairs?.first?.value.double == x)
        }
    }

    @Test func parsesAndRejects() {
        let v = JSONValue.parse(#" {"b": [1, true, null], "a": "q\"\u00e9\n", "c": {"d": -2.5e3}} "#)
        #expect(v?.pairs?.map(\.key) == ["b", "a", "c"])
        #expect(v?.pairs?[1].value == .string("q\"é\n"))
        #expect(v?.pairs?[2].value.pairs?.first?.value.double == -2500)
        for bad in ["", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "{\"a\": 1} x", "nul", "{\"a\": 1.2.3}", "epoch 3 loss 0.2"] {
            #expect(JSONValue.parse(bad) == nil, "\(bad)")
        }
        #expect(JSONText.quoted("a\"b\\c\u{01}") == #""a\"b\\c\u0001""#)
    }
}

/// A tiny LCG so this test does not depend on the generator it might share a bug with.
struct SeededGeneratorForTests {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextDouble() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
}

func pow10(_ k: Int) -> Double { k >= 0 ? (0..<k).reduce(1.0) { a, _ in a * 10 } : 1 / pow10(-k) }
