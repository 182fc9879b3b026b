/// A stable least-significant-digit radix sort of 64-bit keys, carrying a payload.
enum RadixSort {
    /// Sorts `keys` ascending and permutes `payload` with them (equal keys keep their order).
    /// Eight passes of one byte each; a pass whose byte is the same in every key is skipped
    /// (the high bytes of values in a narrow range), the byte counts of all passes come from
    /// one read of the keys.
    /// - Complexity: O(m) time, 2m keys and payloads of memory.
    static func sort(_ keys: inout [UInt64], carrying payload: inout [Int]) {
        let m = keys.count
        guard m > 1, payload.count == m else { return }
        var counts = [Int](repeating: 0, count: 8 * 256)
        counts.withUnsafeMutableBufferPointer { counts in
            for key in keys {
                for byte in 0..<8 { counts[byte &* 256 &+ Int(truncatingIfNeeded: (key >> (8 &* byte)) & 255)] &+= 1 }
            }
        }
        var otherKeys = keys, otherPayload = payload
        for byte in 0..<8 {
            let shift = UInt64(8 * byte), base = byte * 256
            if counts[base + Int(truncatingIfNeeded: (keys[0] >> shift) & 255)] == m { continue }
            var next = [Int](repeating: 0, count: 256)
            var sum = 0
            for digit in 0..<256 { next[digit] = sum; sum += counts[base + digit] }
            keys.withUnsafeBufferPointer { from in
            payload.withUnsafeBufferPointer { fromPayload in
            otherKeys.withUnsafeMutableBufferPointer { to in
            otherPayload.withUnsafeMutableBufferPointer { toPayload in
            next.withUnsafeMutableBufferPointer { next in
                for k in 0..<m {
                    let digit = Int(truncatingIfNeeded: (from[k] >> shift) & 255)
                    let slot = next[digit]
                    next[digit] = slot &+ 1
                    to[slot] = from[k]
                    toPayload[slot] = fromPayload[k]
                }
            }}}}}
            swap(&keys, &otherKeys)
            swap(&payload, &otherPayload)
        }
    }
}
