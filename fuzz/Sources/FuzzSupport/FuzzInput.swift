import Foundation
import SlopeCore

/// One fuzz input as the readers see it: bytes, and the same bytes in a file.
public enum FuzzInput {
    /// A file of this process that holds the input (rewritten for every input).
    public static let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("slope-fuzz-\(getpid())").path

    /// Calls `body` with libFuzzer's input as a buffer; libFuzzer's callbacks return 0.
    public static func run(_ data: UnsafePointer<UInt8>?, _ count: Int, _ body: (UnsafeRawBufferPointer) -> Void) -> CInt {
        body(UnsafeRawBufferPointer(start: data.map(UnsafeRawPointer.init), count: data == nil ? 0 : count))
        return 0
    }

    /// Writes `bytes` to `path`.
    public static func file(_ bytes: UnsafeRawBufferPointer) -> String {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Runs `body`: returning or throwing a `SlopeError` is clean; any other error is a
    /// finding and stops the fuzzer with the error.
    public static func clean(_ body: () throws -> Void) {
        do { try body() } catch is SlopeError {} catch {
            fatalError("an error that is not a SlopeError: \(type(of: error)): \(error)")
        }
    }
}
