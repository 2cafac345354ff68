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
            // The last 32 bytes are a block of their own, overlapping the one before unless the
            // length is a multiple of 32: a loop over the words left and a tail read by length
            // were branches the processor mispredicted, comments having any length.
            while true {
                let block = min(index, count - 32)
                lanes.0 = mix(lanes.0, word: word(raw, at: block))
                lanes.1 = mix(lanes.1, word: word(raw, at: block + 8))
                lanes.2 = mix(lanes.2, word: word(raw, at: block + 16))
                lanes.3 = mix(lanes.3, word: word(raw, at: block + 24))
                index += 32
                if index >= count { break }
            }
            return mix(mix(mix(mix(hash, word: lanes.0), word: lanes.1), word: lanes.2), word: lanes.3)
        }
        while index + 8 <= count {
            hash = mix(hash, word: word(raw, at: index))
            index += 8
        }
        if index < count {
            // The last eight bytes, overlapping ones already mixed in when the string is that
            // long: one load instead of a tail read in pieces.
            hash = mix(hash, word: count >= 8 ? word(raw, at: count - 8) : word(raw + index, count: count - index))
        }
        return hash
    }

    /// `state` with one more word mixed in.
    private static func mix(_ state: UInt64, word: UInt64) -> UInt64 {
        let mixed = (state ^ word) &* multiplier
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
