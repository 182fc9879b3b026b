import Foundation
import Testing
@testable import SlopeCore
@testable import SlopeOutput

/// Figures read back from their SVG (issue 26, item 2): the labels an axis shows differ, and
/// every point is drawn inside its frame, not on it.
@Suite struct FigureReadBackTests {
    /// The `attribute` values of every `<element …>` in `svg`, in order.
    static func attributes(_ svg: String, element: String) -> [[String: String]] {
        var out: [[String: String]] = []
        var rest = Substring(svg)
        while let start = rest.range(of: "<\(element) ") {
            let end = rest[start.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            var pairs: [String: String] = [:]
            let tag = rest[start.upperBound..<end]
            var scan = tag[...]
            while let eq = scan.range(of: "=\"") {
                let name = scan[..<eq.lowerBound].split(separator: " ").last.map(String.init) ?? ""
                let valueEnd = scan[eq.upperBound...].firstIndex(of: "\"") ?? scan.endIndex
                pairs[name] = String(scan[eq.upperBound..<valueEnd])
                scan = scan[scan.index(after: valueEnd)...]
            }
            if element == "text", let close = rest[end...].range(of: "</text>") {
                pairs["content"] = String(rest[rest.index(after: end)..<close.lowerBound])
            }
            out.append(pairs)
            rest = rest[end...]
        }
        return out
    }

    @Test func paretoPanelsShowDistinctLabelsAndPointsInsideTheirFrames() throws {
        var g = SeededGenerator(seed: 21)
        let n = 40
        let error = (0..<n).map { _ in 0.01 + g.nextUnit() }
        // Peak memory within 14.0 to 14.2 MB: ticks 50 kB apart.
        let memory = (0..<n).map { _ in 14.0e6 + 0.2e6 * g.nextUnit() }
        let table = TrialTable(source: "t", parameters: [HSICInput(name: "lr", kind: .continuous, values: .real(error))],
                               objectives: [TrialObjective(name: "error", direction: .minimize, values: error),
                                            TrialObjective(name: "peak_rss_bytes", direction: .minimize, values: memory)],
                               labels: (1...n).map(String.init))
        let svg = try #require(ParetoFigure.render(table))
        let frames = Self.attributes(svg, element: "rect").filter { $0["fill"] == "none" && $0["stroke"] == "#999" }
        let frame = try #require(frames.first)
        let (x0, y0) = (Double(frame["x"] ?? "") ?? .nan, Double(frame["y"] ?? "") ?? .nan)
        let (x1, y1) = (x0 + (Double(frame["width"] ?? "") ?? .nan), y0 + (Double(frame["height"] ?? "") ?? .nan))
        let circles = Self.attributes(svg, element: "circle")
        #expect(circles.count == n)
        for c in circles {
            let (x, y) = (Double(c["cx"] ?? "") ?? .nan, Double(c["cy"] ?? "") ?? .nan)
            #expect(x > x0 + 1 && x < x1 - 1 && y > y0 + 1 && y < y1 - 1, "a point on or outside the frame: \(x), \(y) in \(x0)...\(x1), \(y0)...\(y1)")
        }
        // The y axis's labels: right-aligned just left of the frame; all different, in MB.
        let yLabels = Self.attributes(svg, element: "text").filter { $0["text-anchor"] == "end" && $0["x"] == SVG.number(x0 - 6) }
            .compactMap { $0["content"] }
        #expect(yLabels.count >= 2 && Set(yLabels).count == yLabels.count && yLabels.allSatisfy { $0.hasSuffix(" MB") }, "\(yLabels)")
    }

    /// Learning curves: one line a trial through its reports, in the goal set's colour for
    /// the goal set's trials, a cross at the last report of each pruned trial, every point
    /// inside the frame; a NaN report splits its line; nothing for an objective no trial
    /// reported at a step.
    @Test func learningCurvesDrawEachTrialWhereItStopped() throws {
        let objective = TrialObjective(name: "error", direction: .minimize, values: [0.1, 0.3, nil, 0.2])
        let curves = [
            LearningCurve(label: "1", objective: "error", steps: [1, 2, 3, 4], values: [0.9, 0.5, 0.2, 0.1], pruned: false),
            LearningCurve(label: "2", objective: "error", steps: [1, 2, 3, 4], values: [0.8, .nan, 0.4, 0.3], pruned: false),
            LearningCurve(label: "3", objective: "error", steps: [1, 2], values: [1.2, 1.1], pruned: true),
            LearningCurve(label: "4", objective: "error", steps: [1, 2, 3, 4], values: [0.7, 0.4, 0.3, 0.2], pruned: false),
            LearningCurve(label: "1", objective: "accuracy", steps: [1], values: [0.5], pruned: false),
        ]
        let svg = try #require(LearningCurveFigure.render(curves, objective: objective, goal: ["1"]))
        let lines = Self.attributes(svg, element: "polyline")
        // Trial 2's NaN splits it in two pieces, of which one has a single point: 4 lines.
        #expect(lines.count == 4)
        #expect(lines.filter { $0["stroke"] == LearningCurveFigure.good }.count == 1)
        #expect(lines.filter { $0["stroke"] == LearningCurveFigure.pruned }.count == 1)
        #expect(lines.last?["stroke"] == LearningCurveFigure.good)  // the goal set on top
        let crosses = Self.attributes(svg, element: "path").filter { $0["stroke"] == LearningCurveFigure.pruned }
        #expect(crosses.count == 1)
        let frame = try #require(Self.attributes(svg, element: "rect").first { $0["fill"] == "none" && $0["stroke"] == "#999" })
        let (x0, y0) = (Double(frame["x"] ?? "") ?? .nan, Double(frame["y"] ?? "") ?? .nan)
        let (x1, y1) = (x0 + (Double(frame["width"] ?? "") ?? .nan), y0 + (Double(frame["height"] ?? "") ?? .nan))
        for line in lines {
            for point in (line["points"] ?? "").split(separator: " ") {
                let xy = point.split(separator: ",").compactMap { Double($0) }
                #expect(xy.count == 2 && xy[0] > x0 && xy[0] < x1 && xy[1] > y0 && xy[1] < y1, "\(point)")
            }
        }
        #expect(LearningCurveFigure.render(curves, objective: TrialObjective(name: "loss", direction: .minimize, values: [1]), goal: []) == nil)
    }
}
