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
    /// Open addressing: a key's number, or -1 for an empty slot. Never more than half full.
    private var slots = [Int32](repeating: -1, count: 16)

    /// How many keys there are.
    var count: Int { ranges.count }

    /// The number of `bytes`, given it when new.
    mutating func index(of bytes: ByteSpan) -> Int {
        let hash = ByteHash.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            if hashes[existing] == hash, matches(existing, bytes) { return existing }
            slot = (slot + 1) & mask
        }
        let index = ranges.count
        ranges.append(storage.count..<storage.count + bytes.count)
        storage.append(contentsOf: bytes)
        hashes.append(hash)
        slots[slot] = Int32(index)
        if ranges.count * 2 > slots.count { rehash() }
        return index
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

    private func matches(_ index: Int, _ bytes: ByteSpan) -> Bool {
        let range = ranges[index]
        guard range.count == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + range.lowerBound, bytes.baseAddress!, bytes.count) == 0 }
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
