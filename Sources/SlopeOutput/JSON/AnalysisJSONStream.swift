import Foundation
import SlopeCore

/// `slope analyze --json` written as a stream: the analysis is encoded without its history,
/// and the history is written into its place one series at a time, each series formatted by
/// the same encoder, so the bytes are those of `JSONOutput.encode(analysis)` while memory
/// holds the history's numbers once and one series' text.
public enum AnalysisJSONStream {
    /// Writes `analysis` (with its history, when it has one) to `stream`.
    /// - Complexity: O(size of the output).
    public static func write(_ analysis: Analysis, to stream: TextStream) throws {
        let encoder = JSONOutput.encoder()
        encoder.userInfo[Analysis.omitHistory] = true
        var head = try encoder.encode(analysis)
        head.append(0x0A)
        guard let history = analysis.history else { return try stream.write(head) }
        // Keys are sorted: "history" goes right before the top-level "null".
        let marker = Data("\n  \"null\" : ".utf8)
        guard let range = head.range(of: marker) else { return try stream.write(head) }
        try stream.write(head[..<range.lowerBound])
        try stream.write("\n  \"history\" : [")
        let series = JSONOutput.encoder()
        for (k, h) in history.enumerated() {
            try stream.write(k == 0 ? "\n    {" : ",\n    {")
            try stream.write("\n      \"loss\" : " + indented(try series.encode(h.loss), by: "      ") + ",")
            try stream.write("\n      \"parameters\" : [")
            for p in 0..<h.parameterCount {
                try stream.write(p == 0 ? "\n        {" : ",\n        {")
                // Sorted keys: d1, d2, d2_tape, d3, d3_tape, name, weight.
                var fields: [(String, String)] = []
                for q in Quantity.allCases {
                    fields.append((q.rawValue, indented(try series.encode(h.series(q, parameter: p)), by: "          ")))
                }
                fields.append(("name", String(decoding: try series.encode(h.parameterNames[p]), as: UTF8.self)))
                fields.sort { $0.0 < $1.0 }
                try stream.write(fields.map { "\n          \"\($0.0)\" : \($0.1)" }.joined(separator: ","))
                try stream.write("\n        }")
            }
            try stream.write("\n      ],\n      \"seed\" : \(h.seed)\n    }")
        }
        try stream.write("\n  ],")
        try stream.write(head[range.lowerBound...])
    }

    /// An encoded value's lines after the first, indented by `prefix`.
    private static func indented(_ data: Data, by prefix: String) -> String {
        String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\n" + prefix)
    }
}
