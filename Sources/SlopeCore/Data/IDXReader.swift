import Foundation

/// An array read from an IDX file (the MNIST format): unsigned bytes with their dimensions.
public struct IDXArray: Sendable, Equatable {
    /// Sizes, outermost first (e.g. [images, rows, columns]).
    public let dimensions: [Int]
    /// The values in row-major order.
    public let values: [UInt8]
}

/// Reads IDX files: a big-endian header (two zero bytes, the type code 0x08 for unsigned
/// bytes, the number of dimensions, then one 32-bit size per dimension) and the data.
public enum IDXReader {
    /// - Parameter dimensions: the number of dimensions the caller expects (3 for images,
    ///   1 for labels).
    /// - Throws: `SlopeError.invalidFile` for a wrong magic number, type or dimension count,
    ///   and for a file shorter or longer than its header says.
    public static func read(path: String, dimensions expected: Int) throws -> IDXArray {
        let bytes = [UInt8](try FileBytes.read(path))
        func fail(_ reason: String) -> SlopeError { .invalidFile(file: path, reason: reason) }
        guard bytes.count >= 4 else { throw fail("not an IDX file: \(bytes.count) bytes, shorter than the 4-byte magic number") }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw fail(String(format: "not an IDX file: the magic number starts 0x%02x%02x, not 0x0000", bytes[0], bytes[1]))
        }
        guard bytes[2] == 0x08 else {
            throw fail(String(format: "IDX type code 0x%02x is not supported (only 0x08, unsigned bytes)", bytes[2]))
        }
        let count = Int(bytes[3])
        guard count == expected else {
            throw fail("the IDX file has \(counted(count, "dimension")); \(expected) expected (\(expected == 3 ? "images" : "labels"))")
        }
        let header = 4 + 4 * count
        guard bytes.count >= header else { throw fail("truncated IDX header: \(bytes.count) bytes, the header needs \(header)") }
        let sizes = (0..<count).map { d in
            (0..<4).reduce(0) { $0 << 8 | Int(bytes[4 + 4 * d + $1]) }
        }
        let (size, overflow) = sizes.reduce((1, false)) { acc, s in
            let (p, o) = acc.0.multipliedReportingOverflow(by: s)
            return (p, acc.1 || o)
        }
        guard !overflow, header + size == bytes.count else {
            throw fail("the header announces \(sizes.map(String.init).joined(separator: " x "))\(sizes.count > 1 ? " = \(size)" : "") values after \(header) header bytes, but the file holds \(bytes.count - header)" + (header + size > bytes.count ? " (truncated)" : " (trailing bytes)"))
        }
        return IDXArray(dimensions: sizes, values: Array(bytes[header...]))
    }
}
