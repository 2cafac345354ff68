import Foundation

/// Distinct byte strings, numbered 0, 1, 2, ... in the order they were first added.
///
/// The theme corpus looks up every word and entry it reads. `Dictionary<String, _>` checks
/// Unicode normalization on every hash, which dominated theme finding; the corpus only needs
/// byte equality for its keys (normalized words, or texts put in a canonical form first).
struct ByteStringTable {
    /// Every string's bytes, one after another.
    private var storage: [UInt8] = []
    /// Where each string ends in `storage`; it starts where the one before ends.
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: a string's id + 1, or 0 for a free slot.
    private var slots = [Int32](repeating: 0, count: 64)
    /// `slots.count` is `1 << slotBits`.
    private var slotBits = 6

    /// How many distinct strings were added.
    var count: Int { ends.count }

    /// The id of `key`, adding it if it is new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        let hash = StableHash.fnv1a(key)
        var slot = firstSlot(hash)
        while slots[slot] != 0 {
            let id = Int(slots[slot]) - 1
            if hashes[id] == hash && equals(id, key) { return (id, false) }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = ends.count
        storage.append(contentsOf: key)
        ends.append(storage.count)
        hashes.append(hash)
        slots[slot] = Int32(id + 1)
        if ends.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id of `key`, if it was added.
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = StableHash.fnv1a(key)
        var slot = firstSlot(hash)
        while slots[slot] != 0 {
            let id = Int(slots[slot]) - 1
            if hashes[id] == hash && equals(id, key) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// The id of `text`'s UTF-8, if it was added.
    func id(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { id(of: $0) }
    }

    /// Calls `body` with the bytes of string `id`.
    func withBytes<Result>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let start = id == 0 ? 0 : ends[id - 1]
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[id]])) }
    }

    /// String `id`, decoded as UTF-8.
    func string(_ id: Int) -> String {
        withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
    }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        withBytes(of: id) { stored in
            guard stored.count == key.count, let storedStart = stored.baseAddress, let keyStart = key.baseAddress else {
                return stored.count == key.count
            }
            return memcmp(storedStart, keyStart, key.count) == 0
        }
    }

    /// Fibonacci hashing: the top bits of the product depend on every bit of the hash.
    private func firstSlot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    private mutating func grow() {
        slotBits += 1
        slots = [Int32](repeating: 0, count: 1 << slotBits)
        for id in hashes.indices {
            var slot = firstSlot(hashes[id])
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id + 1)
        }
    }
}
