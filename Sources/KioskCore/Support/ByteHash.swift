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
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            index += 8
        }
        if index < bytes.count {
            hash = (hash ^ word(raw + index, count: bytes.count - index)) &* multiplier
            hash ^= hash >> 29
        }
        return hash
    }

    /// The `count` (at most eight) bytes at `raw` as a little-endian word, zero above them.
    /// Read with two overlapping loads instead of byte by byte: the bytes a load reads twice
    /// land on the same bits, so or-ing them in changes nothing.
    static func word(_ raw: UnsafeRawPointer, count: Int) -> UInt64 {
        switch count {
        case 8...:
            return raw.loadUnaligned(as: UInt64.self)
        case 4...:
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return low | high << (8 * (count - 4))
        case 1...:
            let first = UInt64(raw.load(as: UInt8.self))
            let middle = UInt64(raw.load(fromByteOffset: count / 2, as: UInt8.self))
            let last = UInt64(raw.load(fromByteOffset: count - 1, as: UInt8.self))
            return first | middle << (8 * (count / 2)) | last << (8 * (count - 1))
        default:
            return 0
        }
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
