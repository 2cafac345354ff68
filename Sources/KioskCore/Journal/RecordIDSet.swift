import Foundation

/// The record ids seen so far, stored compactly so that de-duplicating a journal of millions
/// of responses stays within a small memory budget.
///
/// An id in the writer's form (a lower-case UUID, `8-4-4-4-12` hex digits) is kept as its 128
/// bits in an open-addressing table: 16 bytes a slot, at most 3/4 full. A table sized by
/// ``reserveCapacity(_:)`` has the slots the count asked for needs at 2/3 full, any number of
/// them rather than the next power of two: 24 bytes per id expected, 23 MB for a million
/// (a power of two had made it 32 MB). One that grows past 3/4 doubles, briefly holding both
/// tables. Any other id (which old or foreign journals may have) is kept as a `String`. The
/// mapping is one-to-one, so two ids are equal here exactly when their strings are.
struct RecordIDSet {
    private var table = Table(capacity: 1024)
    private var used = 0
    private var hasZero = false
    private var others = Set<String>()

    /// How many ids are in the set.
    var count: Int { used + (hasZero ? 1 : 0) + others.count }

    /// How many UUIDs the set holds before its table grows.
    var capacity: Int { table.slots.count * 3 / 4 }

    /// An id as the set keeps it.
    enum Key: Sendable, Equatable {
        case uuid(UInt64, UInt64)
        case other(String)

        /// Which of `count` shards of a ``ShardedRecordIDSet`` holds this id. It is taken from
        /// the top bits of the hash, which the table's start index does not use, so each
        /// shard's table is filled as evenly as a whole one.
        func shard(among count: Int) -> Int {
            let hash: UInt64
            switch self {
            case .uuid(let high, let low): hash = RecordIDSet.mix(high, low)
            case .other(let id): hash = UInt64(bitPattern: Int64(id.hashValue))
            }
            return Int(truncatingIfNeeded: hash.multipliedFullWidth(by: UInt64(count)).high)
        }

        /// Which of `count` shares of the ids (``Share``) this id falls in. Taken from bits
        /// that neither the shard nor the table's start index depend on, so the ids of one
        /// share still spread over every shard and every slot.
        func share(among count: Int) -> Int {
            let bits: UInt64
            switch self {
            case .uuid(_, let low): bits = low
            case .other(let id): bits = UInt64(bitPattern: Int64(id.hashValue))
            }
            return Int(truncatingIfNeeded: (bits &* 0xD6E8_FEB8_6659_FD93).multipliedFullWidth(by: UInt64(count)).high)
        }
    }

    /// One of several parts of all possible ids, for reading journals in several passes that
    /// each de-duplicate a part (``ParallelJournalReader``): the copies of a record are all in
    /// the same part, so each pass finds them among its own ids.
    struct Share: Sendable {
        /// Which part, from 0.
        var index: Int
        /// How many parts the ids are split into.
        var count: Int

        /// Every id.
        static let all = Share(index: 0, count: 1)

        /// Whether the id with this key is in this part.
        func contains(_ key: Key) -> Bool {
            count == 1 || key.share(among: count) == index
        }
    }

    /// The key of the id spelled by `bytes`.
    static func key(_ bytes: ByteSpan) -> Key {
        if let (high, low) = uuidBits(bytes) { return .uuid(high, low) }
        return .other(bytes.string)
    }

    /// Inserts the id with this key; `false` when it was already there.
    mutating func insert(_ key: Key) -> Bool {
        switch key {
        case .other(let id):
            return others.insert(id).inserted
        case .uuid(0, 0):
            defer { hasZero = true }
            return !hasZero
        case .uuid(let high, let low):
            if (used + 1) * 4 > table.slots.count * 3 { grow() }
            return insertBits(high, low)
        }
    }

    /// Inserts the ids with these keys in order; where in `keys` those already there are
    /// (a key given twice is there the second time), ascending.
    ///
    /// Each UUID is a cache miss into a large table. In a loop that does nothing else the
    /// processor overlaps several of them, which made inserting several times faster than
    /// one ``insert(_:)`` after another.
    mutating func insert(contentsOf keys: [Key]) -> [Int] {
        while (used + keys.count) * 4 > table.slots.count * 3 { grow() }
        let slots = uniqueTable().slots
        var found: [Int] = []
        var others: [Int] = []
        var added = 0
        for (position, key) in keys.enumerated() {
            guard case .uuid(let high, let low) = key, high != 0 || low != 0 else {
                others.append(position)
                continue
            }
            if Self.insertBits(high, low, into: slots) { added += 1 } else { found.append(position) }
        }
        used += added
        // Apart, as no UUID's key equals another key: the order among equal keys is kept.
        for position in others where !insert(keys[position]) { found.append(position) }
        return others.isEmpty ? found : found.sorted()
    }

    /// Makes room for `count` ids and some more without growing, so the table never doubles
    /// (briefly holding the old and the new one) on the way there: the count is an estimate
    /// from the journals' sizes. Only an empty set is resized.
    mutating func reserveCapacity(_ count: Int) {
        let capacity = count * 3 / 2 + 1
        guard capacity > table.slots.count, used == 0 else { return }
        table = Table(capacity: capacity)
    }

    /// Whether the id with this key is in the set.
    func contains(_ key: Key) -> Bool {
        switch key {
        case .other(let id):
            return others.contains(id)
        case .uuid(0, 0):
            return hasZero
        case .uuid(let high, let low):
            let slots = table.slots
            var index = Self.startIndex(high, low, count: slots.count)
            while true {
                let slot = slots[index]
                if slot.0 == 0 && slot.1 == 0 { return false }
                if slot.0 == high && slot.1 == low { return true }
                index = index + 1 == slots.count ? 0 : index + 1
            }
        }
    }

    /// Where probing for an id starts among `count` slots: the hash's low 57 bits scaled to
    /// the count (a multiply, not a mask, so any count will do). The top bits choose the
    /// shard (``Key/shard(among:)``), so a shard's ids would crowd one part of its table if
    /// they chose the slot too. The UUID is random already; mixing guards against ids that
    /// are not.
    private static func startIndex(_ high: UInt64, _ low: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: (mix(high, low) << 7).multipliedFullWidth(by: UInt64(count)).high)
    }

    /// The bits of a UUID that the table and the shards are chosen by.
    fileprivate static func mix(_ high: UInt64, _ low: UInt64) -> UInt64 {
        high ^ (low &* 0x9E37_79B9_7F4A_7C15)
    }

    private mutating func insertBits(_ high: UInt64, _ low: UInt64) -> Bool {
        let inserted = Self.insertBits(high, low, into: uniqueTable().slots)
        if inserted { used += 1 }
        return inserted
    }

    /// Puts a UUID other than zero in the table if it is not there; whether it was not.
    private static func insertBits(_ high: UInt64, _ low: UInt64, into slots: UnsafeMutableBufferPointer<(UInt64, UInt64)>) -> Bool {
        var index = startIndex(high, low, count: slots.count)
        while true {
            let slot = slots[index]
            if slot.0 == 0 && slot.1 == 0 {
                slots[index] = (high, low)
                return true
            }
            if slot.0 == high && slot.1 == low { return false }
            index = index + 1 == slots.count ? 0 : index + 1
        }
    }

    private mutating func grow() {
        let old = table
        table = Table(capacity: old.slots.count * 2)
        for slot in old.slots where slot.0 != 0 || slot.1 != 0 { _ = Self.insertBits(slot.0, slot.1, into: table.slots) }
    }

    /// The table, copied first if another set shares it (a copy of this set), so that
    /// writing to it changes this set alone.
    private mutating func uniqueTable() -> Table {
        if !isKnownUniquelyReferenced(&table) { table = table.copy() }
        return table
    }

    /// The slots, in memory of their own so that a large table can be put on huge pages.
    private final class Table: @unchecked Sendable {
        // Safe to share: a set writes only to a table no other set holds (`uniqueTable()`),
        // and tables shared between sets are only read.
        let slots: UnsafeMutableBufferPointer<(UInt64, UInt64)>

        private static let hugePageBytes = 2 << 20

        init(capacity: Int) {
            let byteCount = capacity * MemoryLayout<(UInt64, UInt64)>.stride
            let alignment = byteCount >= Self.hugePageBytes ? Self.hugePageBytes : MemoryLayout<(UInt64, UInt64)>.alignment
            let memory = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: alignment)
            Self.adviseHugePages(memory, byteCount: byteCount)
            slots = UnsafeMutableBufferPointer(start: memory.bindMemory(to: (UInt64, UInt64).self, capacity: capacity), count: capacity)
            slots.initialize(repeating: (0, 0))
        }

        deinit {
            UnsafeMutableRawPointer(slots.baseAddress)?.deallocate()
        }

        func copy() -> Table {
            let copy = Table(capacity: slots.count)
            _ = copy.slots.update(fromContentsOf: slots)
            return copy
        }

        /// Asks Linux to back a large table with 2 MiB pages, which it does only when asked:
        /// clearing the table then faults in a page per 2 MiB, not per 4 KiB, and inserts,
        /// which land all over the table, no longer miss the address translation cache. For
        /// a million ids, clearing took about 5 ms instead of 23 and inserting a tenth less.
        /// (Leaving the clearing to the system, page by page as inserts first touch them,
        /// made the inserts slower by more than it saved.)
        private static func adviseHugePages(_ memory: UnsafeMutableRawPointer, byteCount: Int) {
            #if os(Linux)
            guard byteCount >= hugePageBytes else { return }
            _ = madvise(memory, byteCount, MADV_HUGEPAGE)
            #endif
        }
    }

    /// The 128 bits of a lower-case UUID, or `nil` for any other text.
    static func uuidBits(_ bytes: ByteSpan) -> (UInt64, UInt64)? {
        guard bytes.count == 36, bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
            bytes[18] == UInt8(ascii: "-"), bytes[23] == UInt8(ascii: "-")
        else { return nil }
        // Eight digits at a time in one word (SWAR), with no branch per digit: hex letters and
        // digits come in random order, and a lookup per digit showed in the profile.
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        func word(_ first: Int, _ second: Int) -> UInt64 {
            UInt64(raw.loadUnaligned(fromByteOffset: first, as: UInt32.self).littleEndian)
                | UInt64(raw.loadUnaligned(fromByteOffset: second, as: UInt32.self).littleEndian) << 32
        }
        guard let a = hexWord(word(0, 4)), let b = hexWord(word(9, 14)),
              let c = hexWord(word(19, 24)), let d = hexWord(word(28, 32)) else { return nil }
        return (a << 32 | b, c << 32 | d)
    }

    /// The value of eight lower-case hex digits (the first in the lowest byte), or `nil` when
    /// any byte is not one.
    private static func hexWord(_ word: UInt64) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        // Per byte, with no carry between bytes since each is below 0x80: b + 0x50 reaches
        // 0x80 exactly when b >= "0", b + 0x46 when b > "9", b + 0x1F when b >= "a",
        // b + 0x19 when b > "f".
        let isDigit = (word &+ ones &* 0x50) & ~(word &+ ones &* 0x46)
        let isLetter = (word &+ ones &* 0x1F) & ~(word &+ ones &* 0x19)
        guard word & high == 0, (isDigit | isLetter) & high == high else { return nil }
        // A digit's low four bits are its value; a letter's plus 9 (bit 6 tells letters).
        let nibbles = (word & (ones &* 0x0F)) &+ ((word >> 6) & ones) &* 9
        // Pairs of nibbles into bytes, bytes into 16-bit halves, halves into 32 bits, the
        // first digit always the most significant.
        let bytePairs = (nibbles & 0x00FF_00FF_00FF_00FF) << 4 | (nibbles >> 8) & 0x00FF_00FF_00FF_00FF
        let halves = (bytePairs & 0x0000_00FF_0000_00FF) << 8 | (bytePairs >> 16) & 0x0000_00FF_0000_00FF
        return (halves & 0xFFFF) << 16 | (halves >> 32) & 0xFFFF
    }
}
