@testable import KioskCore
import Testing

/// The id sets de-duplication rests on: exact, whatever the spelling of the ids, however
/// they are inserted and however the set is copied or split.
@Suite struct RecordIDSetTests {
    private static func key(_ id: String) -> RecordIDSet.Key {
        Array(id.utf8).withUnsafeBufferPointer { RecordIDSet.key($0) }
    }

    private static let uuids = (0..<5000).map { index in
        key(String(format: "%08x-0000-4000-8000-%012x", index * 7919, index))
    }

    /// A lower-case UUID is kept as its 128 bits, read as hex by hand here; anything that is
    /// not one (upper case, a character next to a hex digit, a misplaced dash) is kept as text.
    @Test func aUUIDIsItsBitsAndAnythingElseIsText() {
        var generator = SystemRandomNumberGenerator()
        let hexDigits = Array("0123456789abcdef")
        for _ in 0..<2000 {
            let digits = (0..<32).map { _ in hexDigits[Int.random(in: 0..<16, using: &generator)] }
            let text = String(digits[0..<8]) + "-" + String(digits[8..<12]) + "-" + String(digits[12..<16]) + "-"
                + String(digits[16..<20]) + "-" + String(digits[20..<32])
            let high = UInt64(String(digits[0..<16]), radix: 16)!, low = UInt64(String(digits[16..<32]), radix: 16)!
            #expect(Self.key(text) == .uuid(high, low), "\(text)")
        }
        let valid = "0123abcd-ef45-6789-abcd-ef0123456789"
        #expect(Self.key(valid) == .uuid(0x0123_abcd_ef45_6789, 0xabcd_ef01_2345_6789))
        // Every byte of every digit, replaced by each character just outside the hex ranges.
        let digitOffsets = Array(0..<8) + Array(9..<13) + Array(14..<18) + Array(19..<23) + Array(24..<36)
        for offset in digitOffsets {
            for wrong in ["/", ":", "`", "g", "A", "F", "G", "é", "\u{7F}"] {
                var bytes = Array(valid.utf8)
                bytes.replaceSubrange(offset...offset, with: Array(wrong.utf8))
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(Self.key(text) == .other(text), "\(text)")
            }
        }
        #expect(Self.key("0123abcd0ef45-6789-abcd-ef012345678") == .other("0123abcd0ef45-6789-abcd-ef012345678"))
    }

    /// UUIDs, the all-zero UUID (which has no slot of its own) and other ids mixed, repeated
    /// within the batch and from before it.
    @Test func insertingManyReportsWhereTheCopiesAre() {
        var set = RecordIDSet()
        _ = set.insert(Self.uuids[0])
        let keys = [
            Self.uuids[1], Self.key("r1"), Self.uuids[0], Self.key("00000000-0000-0000-0000-000000000000"),
            Self.uuids[1], Self.key("r1"), Self.key("00000000-0000-0000-0000-000000000000"), Self.uuids[2],
        ]
        #expect(set.insert(contentsOf: keys) == [2, 4, 5, 6])
        #expect(set.count == 5)
    }

    /// Thousands of ids make the table grow several times; inserting them one by one or all
    /// at once finds the same.
    @Test func aGrowingSetKeepsEveryID() {
        var one = RecordIDSet(), many = RecordIDSet()
        #expect(Self.uuids.allSatisfy { one.insert($0) })
        #expect(many.insert(contentsOf: Self.uuids + Self.uuids.prefix(10)) == Array(5000..<5010))
        #expect(Self.uuids.allSatisfy { one.contains($0) && many.contains($0) })
        #expect(!one.contains(Self.key("r1")) && one.count == 5000 && many.count == 5000)
    }

    /// A set sized in advance has about the room asked for, not the next power of two (which
    /// for a million ids was a third more memory), and holds that many without growing.
    @Test func aReservedSetHasTheRoomAskedFor() {
        var set = RecordIDSet()
        set.reserveCapacity(3000)
        let reserved = set.capacity
        #expect(reserved >= 3000 && reserved < 3400, "\(reserved)")
        #expect(set.insert(contentsOf: Array(Self.uuids[..<3000] + Self.uuids[..<5])) == Array(3000..<3005))
        #expect(set.capacity == reserved && set.count == 3000)
    }

    /// Tables of every small size, filled to their limit: probes that run past the last slot
    /// go on at the first, and every id is found again.
    @Test func tablesOfAnySizeWrapAroundAndKeepEveryID() {
        for count in 1...80 {
            var set = RecordIDSet()
            set.reserveCapacity(count)
            let keys = Array(Self.uuids[(count * 37)..<(count * 37 + count)])
            #expect(set.insert(contentsOf: keys).isEmpty)
            #expect(keys.allSatisfy(set.contains) && set.count == count)
            #expect(set.insert(contentsOf: keys) == Array(0..<count))
            #expect(!set.contains(Self.uuids[4999]))
        }
    }

    /// The shard comes from the top bits of an id's hash and the slot from the 57 below:
    /// a machine with hundreds of cores still gets no more shards than those bits allow.
    @Test func aShardedSetHasNoMoreShardsThanTheHashAllows() {
        #expect(ShardedRecordIDSet(shardCount: 256).shardCount == ShardedRecordIDSet.maximumShardCount)
        #expect(ShardedRecordIDSet(shardCount: 2).shardCount == 2 && ShardedRecordIDSet(shardCount: 0).shardCount == 1)
        #expect(ShardedRecordIDSet.maximumShardCount <= 128)
    }

    /// Shares split the ids into parts of about equal size, and the ids of one share still
    /// spread over every shard, so each pass of a reader keeps both cores busy.
    @Test func sharesSplitTheIDsEvenlyAndEachSpreadsOverTheShards() {
        let keys = Self.uuids + (0..<1000).map { Self.key("legacy-\($0)") }
        let shareCount = 3, shardCount = 2
        for index in 0..<shareCount {
            let share = RecordIDSet.Share(index: index, count: shareCount)
            let mine = keys.filter(share.contains)
            #expect(mine.count > keys.count / shareCount * 8 / 10 && mine.count < keys.count / shareCount * 12 / 10)
            let inFirstShard = mine.filter { $0.shard(among: shardCount) == 0 }.count
            #expect(inFirstShard > mine.count * 4 / 10 && inFirstShard < mine.count * 6 / 10, "\(inFirstShard) of \(mine.count)")
        }
        #expect(keys.allSatisfy { key in (0..<shareCount).filter { RecordIDSet.Share(index: $0, count: shareCount).contains(key) }.count == 1 })
        #expect(keys.allSatisfy(RecordIDSet.Share.all.contains))
    }

    /// A copy shares the table until one of them changes: the other must not see it.
    @Test func aCopyIsASetOfItsOwn() {
        var original = RecordIDSet()
        _ = original.insert(Self.uuids[0])
        var copy = original
        _ = copy.insert(Self.uuids[1])
        _ = copy.insert(contentsOf: [Self.uuids[2]])
        #expect(!original.contains(Self.uuids[1]) && !original.contains(Self.uuids[2]))
        #expect(copy.contains(Self.uuids[0]) && copy.contains(Self.uuids[1]) && copy.contains(Self.uuids[2]))
    }

    /// Split over shards, each filled on a core of its own, the set finds what one set finds.
    @Test func aShardedSetFindsWhatOneSetFinds() {
        var sharded = ShardedRecordIDSet(shardCount: 3)
        let keys = Self.uuids + [Self.key("r1"), Self.key("r2"), Self.key("r1")] + Self.uuids.prefix(100)
        let found = sharded.updateEachShard { shard, shardCount, set in
            set.insert(contentsOf: keys.filter { $0.shard(among: shardCount) == shard }).count
        }
        #expect(found.reduce(0, +) == 101)
        #expect(found.allSatisfy { $0 > 0 })
        #expect(keys.allSatisfy { sharded.contains($0) } && !sharded.contains(Self.key("r3")))
        #expect(!sharded.insert(Self.uuids[4999]) && sharded.insert(Self.key("r3")))
    }
}
