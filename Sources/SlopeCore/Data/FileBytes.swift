import Foundation

/// Reading a whole input file, with the one error every reader gives when it cannot.
public enum FileBytes {
    /// The file's bytes, or `SlopeError.unreadable` saying whether it is missing or unreadable.
    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file"
            throw SlopeError.unreadable(file: path, reason: reason)
        }
        return data
    }

    /// The file as UTF-8 text, or `SlopeError.invalidFile` naming the first byte that is not.
    /// - Complexity: O(size of the file).
    public static func text(_ path: String) throws -> String {
        let data = try read(path)
        var bytes = data.makeIterator(), parser = Unicode.UTF8.ForwardParser(), offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return String(decoding: data, as: UTF8.self)
            case .error: throw SlopeError.invalidFile(file: path, reason: "not UTF-8 text (an invalid byte at offset \(offset))")
            }
        }
    }
}
