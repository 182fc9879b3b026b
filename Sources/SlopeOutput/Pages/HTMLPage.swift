/// A self-contained HTML page: inline CSS and SVG, no external resource; a script only where a
/// page asks for one of its own (the live dashboard's).
public struct HTMLPage: Sendable {
    /// One figure or table with its title and a one-sentence caption saying how to read it.
    public struct Section: Sendable {
        public let id: String
        public let title: String
        public let caption: String
        /// Escaped markup: SVG, a table, or a CSS-switched group of SVGs.
        public let body: String

        public init(id: String, title: String, caption: String, body: String) {
            self.id = id
            self.title = title
            self.caption = caption
            self.body = body
        }

        /// The section as the page writes it.
        var markup: String {
            "<section id=\"\(id)\"><h2>\(XML.escape(title))</h2>\n<figure>\n\(body)\n"
                + "<figcaption>\(XML.escape(caption))</figcaption></figure></section>\n"
        }
    }

    public let title: String
    /// Lines under the title (data, settings), plain text.
    public let summary: [String]
    public let sections: [Section]
    /// JavaScript run at the end of the page (nil: none, the reports).
    public let script: String?

    public init(title: String, summary: [String], sections: [Section], script: String? = nil) {
        self.title = title
        self.summary = summary
        self.sections = sections
        self.script = script
    }

    public func render() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(XML.escape(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header><h1>\(XML.escape(title))</h1>

            """
        out += "<div id=\"summary\">" + summary.map { "<p class=\"summary\">\(XML.escape($0))</p>\n" }.joined() + "</div>"
        out += "<nav>" + sections.map { "<a href=\"#\($0.id)\">\(XML.escape($0.title))</a>" }.joined(separator: " · ") + "</nav></header>\n"
        out += "<main>\n" + sections.map(\.markup).joined() + "</main>\n"
        let ending = script.map { "<script>\($0)</script>\n" } ?? ""
        return out + "<footer>Made by slope. Hover a mark to read its value.</footer>\n\(ending)</body>\n</html>\n"
    }

    /// The sections of the page, as the page writes them inside `<main>`.
    public var main: String { sections.map(\.markup).joined() }

    /// Several SVGs of which one shows at a time, chosen by radio buttons (CSS only).
    public static func switcher(name: String, options: [(label: String, body: String)]) -> String {
        var out = "<div class=\"switch\">"
        for (k, o) in options.enumerated() {
            out += "<input type=\"radio\" name=\"\(name)\" id=\"\(name)-\(k)\"\(k == 0 ? " checked" : "")>"
            out += "<label for=\"\(name)-\(k)\">\(XML.escape(o.label))</label>"
        }
        for (k, o) in options.enumerated() { out += "<div class=\"pane pane-\(k)\">\(o.body)</div>" }
        return out + "</div>"
    }

    static let css = """
        body{font-family:Helvetica,Arial,sans-serif;margin:24px auto;max-width:1040px;color:#222;padding:0 16px}\
        h1{font-size:24px;margin:0 0 6px}h2{font-size:18px;margin:28px 0 6px;border-bottom:1px solid #ddd;padding-bottom:4px}\
        .summary{margin:2px 0;color:#444;font-size:14px}nav{margin:10px 0;font-size:13px}nav a{color:#2166ac}\
        figure{margin:0}figcaption{font-size:13px;color:#444;margin:6px 0 0;max-width:860px}\
        svg{max-width:100%;height:auto;display:block}\
        table{border-collapse:collapse;font-size:13px}td,th{padding:3px 10px;border-bottom:1px solid #eee;text-align:right}\
        td:first-child,th:first-child{text-align:left}tr.disagree{background:#fde0dd}\
        .switch>input{position:absolute;opacity:0}.switch>label{display:inline-block;padding:3px 10px;margin:0 4px 8px 0;\
        border:1px solid #bbb;border-radius:4px;font-size:13px;cursor:pointer}.switch>input:checked+label{background:#2166ac;color:#fff;border-color:#2166ac}\
        .pane{display:none}\
        .switch>input:nth-of-type(1):checked~.pane-0,.switch>input:nth-of-type(2):checked~.pane-1,\
        .switch>input:nth-of-type(3):checked~.pane-2,.switch>input:nth-of-type(4):checked~.pane-3,\
        .switch>input:nth-of-type(5):checked~.pane-4,.switch>input:nth-of-type(6):checked~.pane-5{display:block}\
        td.significant{font-weight:bold}\
        .grid{display:flex;flex-wrap:wrap;gap:18px}footer{margin:30px 0 10px;font-size:12px;color:#777}
        """
}
