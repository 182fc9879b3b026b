import Foundation

/// Encodes results as JSON the same way every time: pretty-printed, keys in declaration
/// order, numbers in Swift's shortest round-trip form (so the bytes are a function of the
/// values alone).
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
