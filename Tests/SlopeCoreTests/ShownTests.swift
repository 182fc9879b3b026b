import Testing
@testable import SlopeCore

/// Values from users' files as the terminal shows them.
@Suite struct ShownTests {
    /// Every control character (C0, DEL, C1) but the line break is escaped; the rest, quotes and
    /// non-ASCII letters included, is kept.
    @Test func printableEscapesEveryControlCharacter() {
        let controls = (0..<0x20).compactMap(Unicode.Scalar.init) + [Unicode.Scalar(0x7F)!] + (0x80..<0xA0).compactMap(Unicode.Scalar.init)
        for c in controls where c != "\n" {
            let shown = Shown.printable("a\(Character(c))b")
            #expect(!shown.unicodeScalars.contains(c), "U+\(String(c.value, radix: 16))")
            #expect(shown.hasPrefix("a\\") && shown.hasSuffix("b"))
        }
        #expect(Shown.printable("line 1\nline \"2\" é ß") == "line 1\nline \"2\" é ß")
        #expect(Shown.printable("\u{1B}[2J\u{07}\0") == "\\u{1b}[2J\\u{7}\\u{0}")
    }

    @Test func countsTakeTheirNumber() {
        #expect(counted(1, "trial") == "1 trial" && counted(0, "trial") == "0 trials" && counted(2, "index", "indices") == "2 indices")
    }

    @Test func decimalCommaShapes() {
        for text in ["0,5", "-1,25", "+3,0e-2", "12,5E7"] { #expect(DecimalComma.looksLike(text), "\(text)") }
        for text in ["0.5", "1,", ",5", "1,2,3", "a,b", "1,5e", "", "1 ,5", "1,5x"] { #expect(!DecimalComma.looksLike(text), "\(text)") }
    }
}
