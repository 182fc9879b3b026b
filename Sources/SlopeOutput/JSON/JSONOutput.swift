import SlopeCore
import Foundation

/// Encodes results as JSON the same way every time: pretty-printed, keys sorted (Foundation's
/// encoder otherwise orders them by hash, which changes from run to run), numbers in Swift's shortest round-trip form (so the bytes are a function of the
/// values alone).
public enum JSONOutput {
    /// The encoder every JSON output uses.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON, with a final line feed.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }
}
