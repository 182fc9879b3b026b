import Foundation
import SlopeCore

/// Text written to a file descriptor through a buffer, so that a large output (a history of
/// millions of numbers) never has to exist whole in memory.
public final class TextStream {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    /// The stream's name in messages.
    public let name: String

    /// Writes to `descriptor` (which the caller opened and closes).
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(capacity)
    }

    /// Appends `text`; writes the buffer out when it is full.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends `data`.
    public func write(_ data: Data) throws {
        buffer.append(contentsOf: data)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out what the buffer holds.
    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, buffer.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SlopeError.unwritable(file: name, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
