import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SlopeOutput

/// Whether `text` parses as XML.
func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

@Suite("SVG primitives")
struct SVGTests {
    @Test("nice ticks: 1, 2, 5 times a power of ten, inside the domain")
    func ticks() {
        #expect(Ticks.nice(0, 1, count: 5) == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(Ticks.nice(-1, 1, count: 4) == [-1, -0.5, 0, 0.5, 1])
        #expect(Ticks.nice(3, 97, count: 5) == [20, 40, 60, 80])
        #expect(Ticks.niceStep(0.23) == 0.5)
        #expect(Ticks.niceStep(0.11) == 0.2)
        #expect(Ticks.niceStep(7) == 10)
        #expect(Ticks.decades(0.002, 50) == [0.01, 0.1, 1, 10])
        #expect(Ticks.nice(2, 2) == [2])
        #expect(Ticks.label(0.25) == "0.25" && Ticks.label(1000) == "1000" && Ticks.label(1e-5) == "1e-05")
    }

    @Test("scales map ends to ends, linearly or by log10")
    func scales() {
        let x = Scale.linear((0, 10), to: (100, 300))
        #expect(x(0) == 100 && x(5) == 200 && x(10) == 300)
        let y = Scale.linear((-1, 1), to: (200, 0))
        #expect(y(-1) == 200 && y(1) == 0 && y(0) == 100)
        let l = Scale.log((1, 100), to: (0, 2))
        #expect(abs(l(10) - 1) < 1e-12 && l(100) == 2)
        let flat = Scale.linear((3, 3), to: (0, 1))
        #expect(flat(3) == 0.5)
    }

    @Test("colour maps at their ends and middle; out-of-range values clamp")
    func colors() {
        #expect(ColorMap.viridis(0) == "#440154")
        #expect(ColorMap.viridis(1) == "#fde725")
        #expect(ColorMap.viridis(7) == "#fde725" && ColorMap.viridis(.nan) == "#440154")
        #expect(ColorMap.diverging(-1) == "#2166ac")
        #expect(ColorMap.diverging(0) == "#f7f7f7")
        #expect(ColorMap.diverging(1) == "#b2182b")
    }

    @Test("names with XML characters are escaped and the SVG stays well-formed")
    func escaping() {
        #expect(XML.escape("a<b&\"c\"'") == "a&lt;b&amp;&quot;c&quot;&#39;")
        var svg = SVG(width: 100, height: 50)
        svg.text(10, 10, "a<b&\"c\"")
        svg.rect(0, 0, 10, 10, fill: "#000", title: "a<b&\"c\"")
        let text = svg.render(label: "a<b&\"c\"")
        #expect(isWellFormedXML(text))
        #expect(!text.contains("a<b"))
    }

    @Test("numbers: two decimals at most, no negative zero, non-finite drawn as 0")
    func numbers() {
        #expect(SVG.number(1.005) == "1" || SVG.number(1.005) == "1.01")
        #expect(SVG.number(2.5) == "2.5" && SVG.number(-0.001) == "0" && SVG.number(.infinity) == "0")
    }
}

@Suite struct TickLabelTests {
    @Test func labelsDifferWhereValuesDo() {
        #expect(Ticks.labels([2.5e7, 3e7, 3.5e7]) == ["2.5e+07", "3e+07", "3.5e+07"])
        #expect(Ticks.labels([0.5, 1, 1.5]) == ["0.5", "1", "1.5"])
    }

    @Test func bytesReadInUnits() {
        #expect(Ticks.labels([2.6e7, 2.8e7, 3e7], bytes: true) == ["26 MB", "28 MB", "30 MB"])
        #expect(Ticks.labels([0, 1.5e9], bytes: true) == ["0", "1.5 GB"])
        // Ticks 50 kB apart near 14 MB read apart (they read "14.1 MB" twice: issue 26, item 2).
        let close = Ticks.labels([14.05e6, 14.1e6, 14.15e6], bytes: true)
        #expect(Set(close).count == 3, "\(close)")
    }

    /// A log axis within one decade has at least two ticks (wine's |d1| panels had one).
    @Test func logAxesHaveTwoTicksAtLeast() {
        for (lo, hi) in [(0.3, 0.8), (2.0, 9.0), (0.012, 0.019), (150.0, 160.0), (1e-7, 3e-7)] {
            let ticks = Ticks.decades(lo, hi)
            #expect(ticks.count >= 2 && ticks.allSatisfy { $0 >= lo * (1 - 1e-9) && $0 <= hi * (1 + 1e-9) }, "\(lo)...\(hi): \(ticks)")
            #expect(Set(Ticks.labels(ticks)).count == ticks.count)
        }
        #expect(Ticks.decades(2, 9) == [2, 5])
    }

    @Test func wholeNumberAxesTickOnWholeNumbers() {
        #expect(Ticks.whole(1, 3, count: 4) == [1, 2, 3])
        #expect(Ticks.whole(1, 2, count: 4) == [1, 2])
        #expect(Ticks.nice(1, 3, count: 4).contains(1.5))  // what an integer axis must not show
    }
}
