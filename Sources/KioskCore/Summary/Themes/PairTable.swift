/// Distinct pairs of ids, numbered 0, 1, 2, ... in the order they were first added.
///
/// Two-word terms and their wordings are pairs of word or stem ids; looking them up here costs
/// a multiplication where a `Dictionary` would run SipHash.
struct PairTable {
    /// The pairs by id.
    private(set) var pairs: [(first: Int32, second: Int32)] = []
    /// Open addressing with linear probing: a pair's id + 1, or 0 for a free slot.
    private var slots = [Int32](repeating: 0, count: 64)
    /// `slots.count` is `1 << slotBits`.
    private var slotBits = 6

    /// How many distinct pairs were added.
    var count: Int { pairs.count }

    /// The id of the pair, adding it if it is new.
    mutating func insert(_ first: Int32, _ second: Int32) -> (id: Int, isNew: Bool) {
        var slot = firstSlot(first, second)
        while slots[slot] != 0 {
            let id = Int(slots[slot]) - 1
            if pairs[id] == (first, second) { return (id, false) }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = pairs.count
        pairs.append((first, second))
        slots[slot] = Int32(id + 1)
        if pairs.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// Fibonacci hashing of both ids in one word.
    private func firstSlot(_ first: Int32, _ second: Int32) -> Int {
        let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    private mutating func grow() {
        slotBits += 1
        slots = [Int32](repeating: 0, count: 1 << slotBits)
        for (id, pair) in pairs.enumerated() {
            var slot = firstSlot(pair.first, pair.second)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id + 1)
        }
    }
}
