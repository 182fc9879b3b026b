#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Reads a child's stdout file as it grows, line by line, without moving the file's offset
/// (the child writes through the same open file). Lines longer than `lineLimit` are skipped
/// whole: memory stays bounded however the child writes.
struct StdoutLines {
    /// The longest line handed on: 64 KiB (a step report is a short JSON object).
    static let lineLimit = 65_536
    private var offset = 0
    private var partial: [UInt8] = []
    /// True while the rest of an over-long line is skipped.
    private var skipping = false

    /// Hands each complete line written since the last call to `each`; with `atEnd`, also a
    /// last line without a newline.
    mutating func read(_ fd: Int32, atEnd: Bool, _ each: (String) -> Void) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return }
        let size = Int(info.st_size)
        var block = [UInt8](repeating: 0, count: 65_536)
        while offset < size {
            let count = pread(fd, &block, min(block.count, size - offset), off_t(offset))
            guard count > 0 else { break }
            offset += count
            var start = 0
            for k in 0..<count where block[k] == 10 {
                take(block[start..<k], each, complete: true)
                start = k + 1
            }
            take(block[start..<count], each, complete: false)
        }
        if atEnd && !partial.isEmpty && !skipping { each(String(decoding: partial, as: UTF8.self)) }
        if atEnd { partial = [] }
    }

    private mutating func take(_ bytes: ArraySlice<UInt8>, _ each: (String) -> Void, complete: Bool) {
        if !skipping {
            if partial.count + bytes.count > Self.lineLimit {
                skipping = true
                partial = []
            } else {
                partial += bytes
            }
        }
        guard complete else { return }
        if !skipping { each(String(decoding: partial, as: UTF8.self)) }
        partial = []
        skipping = false
    }
}
