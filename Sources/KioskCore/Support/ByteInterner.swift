import Foundation

/// Byte strings numbered 0, 1, 2... in the order first seen, so that counts can live in flat
/// arrays indexed by number instead of dictionaries keyed by `String`: a summary meets the
/// same few questionnaire ids, question ids and choice answers millions of times.
struct ByteInterner: Sendable {
    /// Every key's bytes, one after another.
    private var storage: [UInt8] = []
    /// Where each key lies in `storage`, by number.
    private var ranges: [Range<Int>] = []
    private var hashes: [UInt64] = []
    /// Each key's first eight bytes (``ByteHash/word(_:count:)``), by number: with the length,
    /// they tell most keys apart without reading `storage`.
    private var leadingWords: [UInt64] = []
    /// Open addressing: a key's number, or -1 for an empty slot. Never more than a quarter
    /// full, so that a key is nearly always in the first slot looked at: a summary looks up
    /// several keys per record, and every further probe is a branch the processor mispredicts.
    /// None until the first key, so that an empty interner costs no allocation: a summary makes
    /// empty ones for every question of every piece of the journals, most never used.
    private var slots: [Int32] = []
    /// An odd constant other than ``ByteHash/multiplier``, so that a key's first and last words
    /// are not mixed in alike.
    private static let lastWordMultiplier: UInt64 = 0xff51_afd7_ed55_8ccd

    /// How many keys there are.
    var count: Int { ranges.count }

    /// The number of `bytes`, given it when new.
    mutating func index(of bytes: ByteSpan) -> Int {
        let leadingWord = Self.leadingWord(bytes)
        let hash = Self.hash(bytes, leadingWord: leadingWord)
        if slots.isEmpty { slots = [Int32](repeating: -1, count: 16) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            if hashes[existing] == hash, isKey(existing, bytes, leadingWord: leadingWord) { return existing }
            slot = (slot + 1) & mask
        }
        let index = ranges.count
        ranges.append(storage.count..<storage.count + bytes.count)
        storage.append(contentsOf: bytes)
        hashes.append(hash)
        leadingWords.append(leadingWord)
        slots[slot] = Int32(index)
        if ranges.count * 4 > slots.count { rehash() }
        return index
    }

    /// The number of `bytes`, given it when new; `hint` is the number they most likely have
    /// (the key met at the same place last time), checked first.
    mutating func index(of bytes: ByteSpan, hint: Int) -> Int {
        if hint < ranges.count, isKey(hint, bytes, leadingWord: Self.leadingWord(bytes)) { return hint }
        return index(of: bytes)
    }

    /// The number of the key `text`, given it when new.
    mutating func index(of text: String) -> Int {
        var text = text
        return text.withUTF8 { index(of: $0) }
    }

    /// The key numbered `index`.
    func key(_ index: Int) -> String {
        storage.withUnsafeBufferPointer { ByteSpan(rebasing: $0[ranges[index]]).string }
    }

    /// Calls `body` with the bytes of the key numbered `index`.
    func withKey<Result>(_ index: Int, _ body: (ByteSpan) -> Result) -> Result {
        storage.withUnsafeBufferPointer { body(ByteSpan(rebasing: $0[ranges[index]])) }
    }

    /// Whether the key numbered `index` is `bytes` (whose first eight bytes are `leadingWord`),
    /// byte for byte.
    private func isKey(_ index: Int, _ bytes: ByteSpan, leadingWord: UInt64) -> Bool {
        guard leadingWords[index] == leadingWord else { return false }
        let range = ranges[index]
        guard range.count == bytes.count else { return false }
        guard range.count > 8 else { return true }
        return storage.withUnsafeBytes { storage in
            Self.equalAfterFirstWord(storage.baseAddress! + range.lowerBound, UnsafeRawPointer(bytes.baseAddress!), count: range.count)
        }
    }

    /// The hash a key is placed by. Up to 16 bytes, the first and last eight bytes (overlapping)
    /// and the length are the whole key, and mixing them takes two multiplies, not a loop.
    private static func hash(_ bytes: ByteSpan, leadingWord: UInt64) -> UInt64 {
        let length = UInt64(bytes.count)
        guard bytes.count > 8 else { return ByteHash.finalized((leadingWord ^ length) &* ByteHash.multiplier) }
        guard bytes.count <= 16 else { return ByteHash.hash(bytes) }
        let lastWord = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        return ByteHash.finalized((leadingWord &* ByteHash.multiplier) ^ ((lastWord ^ length) &* Self.lastWordMultiplier))
    }

    private static func leadingWord(_ bytes: ByteSpan) -> UInt64 {
        bytes.baseAddress.map { ByteHash.word(UnsafeRawPointer($0), count: bytes.count) } ?? 0
    }

    /// Whether `count` (more than eight) bytes at `lhs` and `rhs`, whose first eight are known
    /// to be the same, are all the same: compared a word at a time, the last word overlapping
    /// the one before, since `memcmp` costs more than the compare itself for keys this short.
    private static func equalAfterFirstWord(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 8
        while offset + 8 < count {
            if lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                return false
            }
            offset += 8
        }
        return lhs.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == rhs.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    private mutating func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
