/// A JSON object key given as text: the output module writes every result's keys by name, so
/// the numeric core carries no encoding.
struct JSONKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedEncodingContainer where Key == JSONKey {
    /// Writes `value` under `key`; a nil optional is written as `null` (every documented key
    /// is present).
    mutating func put<T: Encodable>(_ key: String, _ value: T) throws {
        try encode(value, forKey: JSONKey(stringValue: key))
    }

    /// A nested object under `key`, filled by `fill`.
    mutating func object(_ key: String, _ fill: (inout KeyedEncodingContainer<JSONKey>) throws -> Void) rethrows {
        var nested = nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey(stringValue: key))
        try fill(&nested)
    }
}

/// Fills `encoder`'s JSON object.
func jsonObject(_ encoder: any Encoder, _ fill: (inout KeyedEncodingContainer<JSONKey>) throws -> Void) rethrows {
    var c = encoder.container(keyedBy: JSONKey.self)
    try fill(&c)
}
