import Foundation

/// The record ids seen so far, stored compactly so that de-duplicating a journal of millions
/// of responses stays within a small memory budget.
///
/// An id in the writer's form (a lower-case UUID, `8-4-4-4-12` hex digits) is kept as its 128
/// bits in an open-addressing table: 16 bytes a slot, at most 3/4 full, so 16-32 bytes per
/// response (32 MB for a million; a table that doubles briefly holds 48 MB while it grows,
/// which ``reserveCapacity(_:)`` spares when the count is known roughly in advance). Any
/// other id (which old or foreign journals may have) is kept as a `String`. The mapping is
/// one-to-one, so two ids are equal here exactly when their strings are.
struct RecordIDSet {
    private var table = Table(capacity: 1024)
    private var used = 0
    private var hasZero = false
    private var others = Set<String>()

    /// How many ids are in the set.
    var count: Int { used + (hasZero ? 1 : 0) + others.count }

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

    /// Makes room for `count` ids without growing, so the table never doubles (briefly
    /// holding the old and the new one) on the way there.
    mutating func reserveCapacity(_ count: Int) {
        var capacity = table.slots.count
        while count * 4 > capacity * 3 { capacity *= 2 }
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
            let slots = table.slots, mask = slots.count - 1
            var index = Self.startIndex(high, low, mask: mask)
            while true {
                let slot = slots[index]
                if slot.0 == 0 && slot.1 == 0 { return false }
                if slot.0 == high && slot.1 == low { return true }
                index = (index + 1) & mask
            }
        }
    }

    /// Where probing for an id starts. The UUID is random already; mixing guards against ids
    /// that are not.
    private static func startIndex(_ high: UInt64, _ low: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: mix(high, low) >> 7) & mask
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
        let mask = slots.count - 1
        var index = startIndex(high, low, mask: mask)
        while true {
            let slot = slots[index]
            if slot.0 == 0 && slot.1 == 0 {
                slots[index] = (high, low)
                return true
            }
            if slot.0 == high && slot.1 == low { return false }
            index = (index + 1) & mask
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
    private static func uuidBits(_ bytes: ByteSpan) -> (UInt64, UInt64)? {
        guard bytes.count == 36, bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
            bytes[18] == UInt8(ascii: "-"), bytes[23] == UInt8(ascii: "-")
        else { return nil }
        // A table lookup and no branch per digit: hex letters and digits come in random order.
        var high: UInt64 = 0, low: UInt64 = 0, invalid: UInt8 = 0
        for (digit, position) in digitPositions.enumerated() {
            let value = hexValues[Int(bytes[position])]
            invalid |= value
            if digit < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
        }
        return invalid & 0xF0 == 0 ? (high, low) : nil
    }

    /// Where a UUID's 32 hex digits are, around its four dashes.
    private static let digitPositions: [Int] = Array(0..<8) + Array(9..<13) + Array(14..<18) + Array(19..<23) + Array(24..<36)

    /// The value of a lower-case hex digit by its byte; 0xFF for any other byte.
    private static let hexValues: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        default: 0xFF
        }
    }
}
