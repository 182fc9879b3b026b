import Foundation
import SlopeCore
import Testing
@testable import SlopeStudy

/// Spec files that are not text, hold control bytes or numbers JSON cannot hold: one clean line.
@Suite struct SpecInputTests {
    func read(_ bytes: [UInt8]) throws -> (SlopeError?, String) {
        let scratch = try Scratch()
        let path = scratch.file("s.yaml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do { _ = try SpecReader.read(path: path); return (nil, path) } catch let error as SlopeError { return (error, path) }
    }

    @Test func invalidUTF8NamesTheByte() throws {
        let (error, path) = try read(Array("name: x".utf8) + [0xFF, 0xFE, 0x0A])
        #expect(error == .invalidFile(file: path, reason: "not UTF-8 text (an invalid byte at offset 7)"))
    }

    @Test func controlBytesAreEscapedInYAMLErrors() throws {
        let (error, _) = try read(Array("name: x\ntrials: 3\n".utf8) + [0x00] + Array("bad: [\n".utf8))
        let message = try #require(error?.description)
        #expect(message.contains("\\u{0}") && !message.contains("\u{0}") && !message.contains("\n"), "\(message)")
    }

    @Test func aNumberJSONCannotHoldIsRefusedWhereItIs() throws {
        let text = """
            name: x
            trials: 3
            objectives: {e: minimize}
            command: echo
            parameters:
              a: {values: [1, 1e999]}
            """
        #expect(throws: SlopeError.spec(file: "s.yaml", line: 6, key: "parameters.a.values", reason: #""1e999" is not a finite number"#)) {
            try parse(text)
        }
    }

    @Test func shownValuesAreShortAndOneLine() {
        #expect(Shown.quoted("abc") == "\"abc\"")
        #expect(Shown.quoted("a\nb\u{0}\"") == "\"a\\nb\\u{0}\\\"\"")
        let long = Shown.quoted(String(repeating: "x", count: 1_000_000))
        #expect(long == "\"" + String(repeating: "x", count: 60) + "…\" (1000000 characters)")
        #expect(Shown.list((1...40).map(String.init)).hasSuffix(", 30, … (40 in all)"))
    }
}
