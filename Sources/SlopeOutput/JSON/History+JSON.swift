import SlopeCore
/// JSON form of a history: `{"seed", "loss": [E], "parameters": [{"name", "weight": [E],
/// "d1": [E], …}]}`, column by column so that each series is one array.
extension History: Encodable {
    enum CodingKeys: String, CodingKey { case seed, loss, parameters }

    struct Parameter: Encodable {
        let history: History
        let index: Int

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(history.parameterNames[index], forKey: Key(stringValue: "name"))
            for quantity in Quantity.allCases {
                try c.encode(history.series(quantity, parameter: index), forKey: Key(stringValue: quantity.rawValue))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seed, forKey: .seed)
        try c.encode(loss, forKey: .loss)
        try c.encode((0..<parameterCount).map { Parameter(history: self, index: $0) }, forKey: .parameters)
    }
}
