import Foundation
import SlopeCore
import SlopeOutput

/// Output files of a command, written only after every result is computed, each atomically,
/// so that bad input or a failure leaves no partial file.
struct OutputFiles {
    private var pending: [(path: String, data: Data)] = []

    /// Fails early when `path`'s folder does not exist.
    static func checkWritable(_ path: String?) throws {
        guard let path else { return }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw SlopeError.unwritable(file: path, reason: "the folder \(folder) does not exist")
        }
    }

    mutating func add(_ path: String?, _ data: @autoclosure () throws -> Data) rethrows {
        guard let path else { return }
        pending.append((path, try data()))
    }

    func write() throws {
        for (path, data) in pending {
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw SlopeError.unwritable(file: path, reason: error.localizedDescription)
            }
        }
    }
}
