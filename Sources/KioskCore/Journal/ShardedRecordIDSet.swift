/// The record ids seen so far, split by their hash into shards that separate cores fill at
/// the same time.
///
/// An id always falls in the same shard, so filling every shard in file order keeps the first
/// copy in file order the one found new. Inserting is a cache miss into a large table per id:
/// a core running a tight loop of them overlaps several misses, and two cores halve the rest.
struct ShardedRecordIDSet: Sendable {
    private var shards: [RecordIDSet]

    /// The most shards: the shard is taken from the top bits of an id's hash and the slot in
    /// its table from the 57 below them, so more than 2^7 shards would share bits with the
    /// slot and crowd one part of each table.
    static let maximumShardCount = 64

    /// Creates an empty set of `shardCount` shards (at most ``maximumShardCount``).
    init(shardCount: Int) {
        shards = Array(repeating: RecordIDSet(), count: min(max(1, shardCount), Self.maximumShardCount))
    }

    /// How many shards the ids are split into.
    var shardCount: Int { shards.count }

    /// Makes room for about `count` ids in all, spread evenly over the shards; each shard's
    /// table is cleared on a core of its own.
    mutating func reserveCapacity(_ count: Int) {
        let perShard = count / shards.count
        ParallelMap.update(&shards) { _, set in set.reserveCapacity(perShard) }
    }

    /// Whether the id with this key is in the set.
    func contains(_ key: RecordIDSet.Key) -> Bool {
        shards[key.shard(among: shards.count)].contains(key)
    }

    /// Inserts the id with this key; `false` when it was already there.
    mutating func insert(_ key: RecordIDSet.Key) -> Bool {
        shards[key.shard(among: shards.count)].insert(key)
    }

    /// Calls `body` with every shard at once, each on a core of its own, with the shard's
    /// number; `body` must insert only the keys whose ``RecordIDSet/Key/shard(among:)`` is it.
    ///
    /// - Returns: What `body` returned for each shard, in the order of the shards.
    mutating func updateEachShard<Result: Sendable>(
        _ body: @Sendable (_ shard: Int, _ shardCount: Int, _ set: inout RecordIDSet) -> Result
    ) -> [Result] {
        let shardCount = shards.count
        return ParallelMap.update(&shards) { shard, set in body(shard, shardCount, &set) }
    }
}
