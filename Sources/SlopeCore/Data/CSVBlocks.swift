import Foundation

/// Reads a CSV file in blocks that each end on a record boundary, so that a file of any size
/// is scanned with memory of the order of one block.
///
/// A block ends just after the last line feed that lies outside quotes (an even number of `"`
/// bytes before it, counted from the block's start, which is itself a record boundary). The
/// bytes after that line feed start the next block. A record longer than the block doubles
/// the block. A file whose records end with CR alone has no such line feed and is read as one
/// block.
struct CSVBlocks {
    /// Bytes read per refill at first.
    static let initialBlockSize = 1 << 22

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Calls `body` with every block of the file at `path` in order; the last block is the
    /// rest of the file, with or without a final line break.
    /// - Parameter progress: told (bytes handed to `body` so far, file size in bytes) after every block.
    /// - Throws: `SlopeError.unreadable` when the file cannot be opened or read, and whatever `body` throws.
    /// - Complexity: O(size of the file) time, O(longest record + block size) memory.
    static func forEach(path: String, blockSize: Int = initialBlockSize, progress: ((Int, Int) -> Void)? = nil,
                        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unreadable(path, errno) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw unreadable(path, errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw SlopeError.unreadable(file: path, reason: "not a regular file")
        }
        let size = Int(status.st_size)

        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, blockSize))
        defer { buffer.deallocate() }
        var filled = 0, handed = 0, atEOF = false
        while true {
            while filled < buffer.count && !atEOF {
                let got = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    throw unreadable(path, errno)
                }
                if got == 0 { atEOF = true }
                filled += got
            }
            let cut = atEOF ? filled : recordBoundary(UnsafeBufferPointer(rebasing: buffer[0..<filled]))
            guard let cut else {
                // One record fills the whole block: read on with a larger one.
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
                _ = larger.initialize(from: buffer)
                buffer.deallocate()
                buffer = larger
                continue
            }
            try body(UnsafeBufferPointer(rebasing: buffer[0..<cut]))
            handed += cut
            progress?(handed, max(size, handed))
            if atEOF { return }
            let rest = filled - cut
            memmove(buffer.baseAddress!, buffer.baseAddress! + cut, rest)
            filled = rest
        }
    }

    /// Calls `body` with up to `count` consecutive blocks at a time (copies), so that they can
    /// be parsed in parallel; as `forEach` otherwise.
    /// - Complexity: O(size of the file) time, O(count · block size) memory.
    static func forEachBatch(path: String, blockSize: Int = initialBlockSize, count: Int,
                             progress: ((Int, Int) -> Void)? = nil, _ body: ([[UInt8]]) throws -> Void) throws {
        var batch: [[UInt8]] = []
        try forEach(path: path, blockSize: blockSize, progress: progress) { block in
            batch.append(Array(block))
            if batch.count >= count {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
    }

    /// The line breaks in `bytes` as `CSVScanner` counts them, inside quotes or not: every
    /// LF, and every CR not followed by an LF.
    /// - Complexity: O(bytes.count).
    static func lineBreaks(_ bytes: [UInt8]) -> Int {
        var count = 0
        for k in bytes.indices {
            let c = bytes[k]
            if c == lf || (c == cr && (k + 1 == bytes.count || bytes[k + 1] != lf)) { count += 1 }
        }
        return count
    }

    /// The end (exclusive) of the last complete record in `bytes`, or `nil` when there is none.
    static func recordBoundary(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        if memchr(base, Int32(quote), bytes.count) == nil {
            // No quotes: every line feed ends a record.
            var k = bytes.count
            while k > 0 && bytes[k - 1] != lf { k -= 1 }
            return k > 0 ? k : nil
        }
        var inside = false, boundary: Int? = nil
        for k in 0..<bytes.count {
            let c = bytes[k]
            if c == quote { inside.toggle() } else if c == lf && !inside { boundary = k + 1 }
        }
        return boundary
    }

    private static func unreadable(_ path: String, _ code: Int32) -> SlopeError {
        switch code {
        case ENOENT: return .unreadable(file: path, reason: "no such file")
        case EACCES: return .unreadable(file: path, reason: "permission denied")
        case EISDIR: return .unreadable(file: path, reason: "not a regular file")
        default: return .unreadable(file: path, reason: String(cString: strerror(code)))
        }
    }
}
