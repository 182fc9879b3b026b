import Foundation

/// A small SVG writer: elements appended as text, attributes escaped, numbers rounded to
/// 0.01 px so that the output is compact and deterministic.
public struct SVG: Sendable {
    public let width: Double
    public let height: Double
    private var body: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A number as SVG writes it: at most two decimals, no trailing zeros.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        var s = String(format: "%.2f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// Appends `<name attributes>children</name>` (self-closing without children); `title`
    /// adds a hover tooltip.
    public mutating func element(_ name: String, _ attributes: [(String, String)], title: String? = nil, text: String? = nil) {
        body.append(Self.markup(name, attributes, title: title, text: text))
    }

    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        var a = [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
                 ("stroke", stroke), ("stroke-width", Self.number(width))]
        if let dash { a.append(("stroke-dasharray", dash)) }
        element("line", a)
    }

    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, title: String? = nil) {
        var a = [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(0, w))), ("height", Self.number(max(0, h))), ("fill", fill)]
        if let stroke { a.append(("stroke", stroke)) }
        element("rect", a, title: title)
    }

    public mutating func circle(_ x: Double, _ y: Double, r: Double, fill: String, stroke: String? = nil, title: String? = nil) {
        var a = [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", Self.number(r)), ("fill", fill)]
        if let stroke { a.append(("stroke", stroke)) }
        element("circle", a, title: title)
    }

    /// A polyline through `points`; non-finite points split it into separate pieces.
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1, opacity: Double = 1, title: String? = nil) {
        var pieces: [[(Double, Double)]] = [[]]
        for p in points {
            if p.0.isFinite && p.1.isFinite { pieces[pieces.count - 1].append(p) } else if !pieces.last!.isEmpty { pieces.append([]) }
        }
        for piece in pieces where piece.count > 1 {
            let d = piece.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
            element("polyline", [("points", d), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(width)),
                                 ("stroke-opacity", Self.number(opacity)), ("stroke-linejoin", "round")], title: title)
        }
    }

    public mutating func text(_ x: Double, _ y: Double, _ content: String, size: Double = 11, anchor: String = "start",
                              weight: String? = nil, rotate: Bool = false, fill: String = "#222") {
        var a = [("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)), ("text-anchor", anchor), ("fill", fill)]
        if let weight { a.append(("font-weight", weight)) }
        if rotate { a.append(("transform", "rotate(-90 \(Self.number(x)) \(Self.number(y)))")) }
        element("text", a, text: content)
    }

    /// The document: `<svg …>` with a viewBox, a font family and the elements.
    public func render(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
            + "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" role=\"img\" aria-label=\"\(XML.escape(label))\" "
            + "font-family=\"Helvetica, Arial, sans-serif\">\n" + body.joined(separator: "\n") + "\n</svg>"
    }

    static func markup(_ name: String, _ attributes: [(String, String)], title: String?, text: String?) -> String {
        let attrs = attributes.map { " \($0.0)=\"\(XML.escape($0.1))\"" }.joined()
        let inner = (title.map { "<title>\(XML.escape($0))</title>" } ?? "") + (text.map(XML.escape) ?? "")
        return inner.isEmpty ? "<\(name)\(attrs)/>" : "<\(name)\(attrs)>\(inner)</\(name)>"
    }
}
