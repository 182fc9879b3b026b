import SlopeCore
import Foundation

/// Encodes results as JSON the same way every time: pretty-printed, keys sorted (Foundation's
/// encoder otherwise orders them by hash, which changes from run to run), numbers in Swift's shortest round-trip form (so the bytes are a function of the
/// values alone).
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
