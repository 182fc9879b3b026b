import SlopeCore

/// Every finite number a trial reported, by name (sorted), e.g. `error`, `accuracy`, `epochs`.
public struct TrialMetrics: Sendable, Hashable {
    /// The metrics, sorted by name, each name once.
    public let values: [(name: String, value: Double)]

    /// Keeps the first value of each name and sorts by name.
    public init(_ pairs: [(name: String, value: Double)]) {
        var seen = Set<String>()
        values = pairs.filter { seen.insert($0.name).inserted }.sorted { $0.name < $1.name }
    }

    /// The value of `name`, or nil when the trial did not report it.
    public subscript(name: String) -> Double? { values.first { $0.name == name }?.value }

    /// The names reported.
    public var names: [String] { values.map(\.name) }

    /// As stored: one JSON object, sorted keys, numbers in Swift's shortest round-trip form.
    public var json: String { JSONText.object(values.map { ($0.name, "\($0.value)") }) }

    /// The finite numbers of the JSON object `json` (other values are ignored).
    /// - Throws: `SlopeError.store` naming `source` when `json` is not a JSON object.
    public static func decode(_ json: String, source: String) throws -> TrialMetrics {
        guard let pairs = JSONValue.parse(json)?.pairs else {
            throw SlopeError.store(file: source, reason: "a trial's metrics are not a JSON object: \(json.prefix(60))", problem: .damaged)
        }
        return TrialMetrics(finiteNumbersOf: pairs)
    }

    /// The finite numbers among a JSON object's pairs (other values are left out).
    init(finiteNumbersOf pairs: [(key: String, value: JSONValue)]) {
        self.init(pairs.compactMap { p in p.value.double.flatMap { $0.isFinite ? (p.key, $0) : nil } })
    }

    public static func == (a: TrialMetrics, b: TrialMetrics) -> Bool {
        a.values.map(\.name) == b.values.map(\.name) && a.values.map(\.value) == b.values.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for (name, value) in values { hasher.combine(name); hasher.combine(value) }
    }
}
