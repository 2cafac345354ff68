/// A fast, non-cryptographic hash of byte strings, taken eight bytes at a time: a large
/// journal has a million comments and millions of short answers to hash, and a hash that
/// takes a byte at a time showed in the profile. Stable across runs and machines, since
/// which comments a report samples depends on it: words are read little-endian.
enum ByteHash {
    static let initial: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The odd constant (2^64 divided by the golden ratio) each word is mixed in with.
    static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// `state` with the bytes and their length mixed in.
    ///
    /// Long strings (comments) are taken 32 bytes at a time in four lanes that are mixed into
    /// the state at the end: one chain of multiplies, each waiting for the one before, made
    /// hashing a comment take longer than counting everything else in its record.
    static func mix(_ state: UInt64, _ bytes: ByteSpan) -> UInt64 {
        var hash = (state ^ UInt64(bytes.count)) &* multiplier
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        if count >= 32 {
            // Each lane starts from a different state, so that words swapped between lanes
            // give a different hash.
            var lanes = (hash, hash ^ 0x1, hash ^ 0x2, hash ^ 0x3)
            while index + 32 <= count {
                lanes.0 = step(lanes.0, word(raw, at: index))
                lanes.1 = step(lanes.1, word(raw, at: index + 8))
                lanes.2 = step(lanes.2, word(raw, at: index + 16))
                lanes.3 = step(lanes.3, word(raw, at: index + 24))
                index += 32
            }
            hash = step(step(step(step(hash, lanes.0), lanes.1), lanes.2), lanes.3)
        }
        while index + 8 <= count {
            hash = step(hash, word(raw, at: index))
            index += 8
        }
        if index < count {
            // The last eight bytes, overlapping ones already mixed in when the string is that
            // long: one load instead of a tail read in pieces.
            hash = step(hash, count >= 8 ? word(raw, at: count - 8) : word(raw + index, count: count - index))
        }
        return hash
    }

    /// `hash` with one more word mixed in.
    private static func step(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* multiplier
        return mixed ^ mixed >> 29
    }

    /// The eight bytes at `offset` as a little-endian word.
    private static func word(_ raw: UnsafeRawPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The `count` (at most eight) bytes at `raw` as a little-endian word, zero above them.
    /// Read with two overlapping loads instead of byte by byte: the bytes a load reads twice
    /// land on the same bits, so or-ing them in changes nothing.
    static func word(_ raw: UnsafeRawPointer, count: Int) -> UInt64 {
        switch count {
        case 8...:
            return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        case 4...:
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
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
