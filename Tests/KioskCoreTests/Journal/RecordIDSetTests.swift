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
