import Foundation
import Testing

/// The libraries never spell a command-line flag (ARCHITECTURE.md, "Errors"): a string literal
/// in SlopeCore, SlopeOutput, SlopeStudy or SlopeStudyPostgres that names `--something` is a
/// message the command line should have worded.
@Suite struct LibraryWordingTests {
    @Test func noLibraryStringNamesAFlag() throws {
        let pattern = try NSRegularExpression(pattern: #""[^"\n]*[\s(`]--[a-z][a-z-]*"#)
        var found: [String] = []
        for module in ["SlopeCore", "SlopeOutput", "SlopeStudy", "SlopeStudyPostgres"] {
            let folder = CLIRunner.root.appendingPathComponent("Sources/\(module)")
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            #expect(!files.isEmpty, "no sources under \(folder.path)")
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    guard !code.hasPrefix("//") else { continue }
                    let range = NSRange(code.startIndex..., in: code)
                    if pattern.firstMatch(in: code, range: range) != nil { found.append("\(module)/\(file):\(n + 1): \(code.prefix(120))") }
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
