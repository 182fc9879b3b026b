import Foundation

/// Reading a whole input file, with the one error every reader gives when it cannot.
enum FileBytes {
    /// The file's bytes, or `SlopeError.unreadable` saying whether it is missing or unreadable.
    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file"
            throw SlopeError.unreadable(file: path, reason: reason)
        }
        return data
    }
}
