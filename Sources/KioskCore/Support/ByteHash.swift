/// A fast, non-cryptographic hash of byte strings, taken eight bytes at a time: a large
/// journal has a million comments and millions of short answers to hash, and a hash that
/// takes a byte at a time showed in the profile. Stable across runs and machines, since
/// which comments a report samples depends on it.
enum ByteHash {
    static let initial: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// `state` with the bytes and their length mixed in.
    static func mix(_ state: UInt64, _ bytes: ByteSpan) -> UInt64 {
        var hash = (state ^ UInt64(bytes.count)) &* multiplier
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* multiplier
                hash ^= hash >> 29
                index += 8
            }
        }
        if index < bytes.count {
            var tail: UInt64 = 0
            for offset in 0..<(bytes.count - index) { tail |= UInt64(bytes[index + offset]) << (8 * offset) }
            hash = (hash ^ tail) &* multiplier
            hash ^= hash >> 29
        }
        return hash
    }

    /// Spreads similar states over the whole range (MurmurHash3's finalizer).
    static func finalized(_ state: UInt64) -> UInt64 {
        var hash = state
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }

    /// The hash of one byte string.
    static func hash(_ bytes: ByteSpan) -> UInt64 {
        finalized(mix(initial, bytes))
    }
}
