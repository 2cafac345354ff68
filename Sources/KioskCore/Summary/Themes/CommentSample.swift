/// The comments one free-text question's themes are found in: all of them while they fit in
/// ``capacity``, otherwise a deterministic sample of that many, so memory stays bounded however
/// many responses a journal holds.
///
/// The sample is the `capacity` comments with the smallest keys (a bottom-k sample), a comment's
/// key being a hash of who gave it: its record's id, mixed with the question's id so that each
/// question samples other respondents (``key(respondentHash:questionHash:)``). It is a uniform
/// sample of the respondents who commented. A key made from the comment's own bytes kept or
/// dropped every copy of a common comment ("Nothing", "No") together, so such a comment was in
/// a theme's count a thousand times over or not at all; and hashing every comment's bytes cost
/// more than the rest of counting its record, where a record's id is short and hashed once.
///
/// The sample depends only on the multiset of (key, comment) pairs, not on their order, and two
/// samples merge into the sample of the union: journals can be read in any order and in
/// parallel pieces and give the same report byte for byte. While every comment fits, the theme
/// finder sees exactly what it would see without sampling.
///
/// The id is only hashed, never kept: nothing in the sample says who a comment came from.
struct CommentSample: Sendable, Equatable {
    /// The most comments kept for theme finding.
    static let defaultCapacity = 1024

    /// One kept comment: its key and where its entries lie in ``bytes``.
    ///
    /// Kept comments are bytes, not `String`s, until ``comments()``: in a large journal most
    /// comments kept early are dropped again as the sample fills, and making strings for each
    /// cost more than the rest of sampling.
    private struct Kept: Sendable {
        var key: UInt64
        var range: Range<Int>
    }

    let capacity: Int
    /// Every comment offered, kept or not.
    private(set) var offeredCount = 0
    /// Comments with at least one entry that is not blank, kept or not.
    private(set) var nonBlankCount = 0
    /// The kept comments, each as often as it was given, in the order they came.
    private var kept: [Kept] = []
    /// The kept comments' entries, each comment an ``ItemKey``, one after another.
    private var bytes: [UInt8] = []
    /// Comments keyed above this are outside the sample for good.
    private var ceiling = UInt64.max

    init(capacity: Int = CommentSample.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// Samples are the same when they were offered as many comments and keep the same ones.
    static func == (lhs: CommentSample, rhs: CommentSample) -> Bool {
        lhs.capacity == rhs.capacity && lhs.offeredCount == rhs.offeredCount && lhs.nonBlankCount == rhs.nonBlankCount
            && lhs.comments() == rhs.comments()
    }

    /// The key a respondent's comment on a question is sampled by, from the
    /// ``ByteHash/hash(_:)`` of the respondent's record id and that of the question's id (each
    /// computed once, however many questions a record answers or records a question has).
    ///
    /// Multiplied and finalized after the two are combined, so that the order of respondents
    /// by key is unrelated from one question to the next: xor-ing in the question's hash alone
    /// would leave the same respondents near the bottom for every question.
    static func key(respondentHash: UInt64, questionHash: UInt64) -> UInt64 {
        ByteHash.finalized((respondentHash ^ questionHash) &* ByteHash.multiplier)
    }

    /// Whether an entry has something other than white space in it (a blank one is no comment).
    static func isNonBlank(_ entry: ByteSpan) -> Bool {
        for byte in entry {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            case 0x80...: return entry.string.contains { !$0.isWhitespace }
            default: return true
            }
        }
        return false
    }

    /// Offers one respondent's entries, as the journal line holds them, under the respondent's
    /// ``key(respondentHash:questionHash:)``; only a comment that is kept has its bytes copied,
    /// since most comments of a large journal are keyed above the ceiling.
    mutating func add(_ entries: some Collection<ByteSpan>, key: UInt64) {
        offeredCount += 1
        if entries.contains(where: Self.isNonBlank) { nonBlankCount += 1 }
        guard key <= ceiling else { return }
        let start = bytes.count
        for entry in entries { ItemKey.append(entry, to: &bytes) }
        kept.append(Kept(key: key, range: start..<bytes.count))
        if kept.count > 2 * capacity { trim() }
    }

    /// Offers one respondent's entries under the respondent's ``key(respondentHash:questionHash:)``.
    mutating func add(_ entries: [String], key: UInt64) {
        let joined = Array(entries.joined().utf8)
        joined.withUnsafeBufferPointer { buffer in
            var spans: [ByteSpan] = []
            var start = 0
            for entry in entries {
                let end = start + entry.utf8.count
                spans.append(ByteSpan(rebasing: buffer[start..<end]))
                start = end
            }
            add(spans, key: key)
        }
    }

    /// An empty sample that already knows which comments cannot be in the final sample: a
    /// piece of the journals read on its own keeps fewer comments that are dropped later.
    func emptied() -> CommentSample {
        var empty = CommentSample(capacity: capacity)
        empty.ceiling = ceiling
        return empty
    }

    /// Adds everything `other` offered.
    mutating func merge(_ other: CommentSample) {
        offeredCount += other.offeredCount
        nonBlankCount += other.nonBlankCount
        ceiling = min(ceiling, other.ceiling)
        for comment in other.kept where comment.key <= ceiling {
            let start = bytes.count
            bytes.append(contentsOf: other.bytes[comment.range])
            kept.append(Kept(key: comment.key, range: start..<bytes.count))
        }
        // Trimmed only past twice the capacity, as in add: a journal read in a thousand pieces
        // merges a thousand times, and sorting the sample each time showed in the profile.
        if kept.count > 2 * capacity { trim() }
    }

    /// Keeps only the `capacity` smallest comments (of a repeated comment, maybe only some
    /// of the times it was given). The smallest are found by selecting the key they end at,
    /// not by sorting the sample: a journal read in pieces trims the sample at many merges,
    /// and the sort showed in the profile.
    private mutating func trim() {
        var keys = kept.map(\.key)
        let cutoff = Self.key(ofRank: capacity - 1, in: &keys)
        var smallest = kept.filter { $0.key < cutoff }
        // Those keyed at the cutoff (one comment, unless two respondents' hashes collide)
        // fill the rest, by their bytes.
        smallest += sorted(kept.filter { $0.key == cutoff }).prefix(capacity - smallest.count)
        var trimmedBytes: [UInt8] = []
        trimmedBytes.reserveCapacity(smallest.reduce(0) { $0 + $1.range.count })
        var trimmed: [Kept] = []
        trimmed.reserveCapacity(smallest.count)
        for comment in smallest {
            let start = trimmedBytes.count
            trimmedBytes.append(contentsOf: bytes[comment.range])
            trimmed.append(Kept(key: comment.key, range: start..<trimmedBytes.count))
        }
        ceiling = cutoff
        kept = trimmed
        bytes = trimmedBytes
    }

    /// The key of rank `rank` (0 the smallest) among `keys`, which are reordered: Hoare's
    /// selection, partitioning only the side the rank is on, in time proportional to their
    /// number on average.
    private static func key(ofRank rank: Int, in keys: inout [UInt64]) -> UInt64 {
        keys.withUnsafeMutableBufferPointer { keys in
            var low = 0, high = keys.count - 1
            while low < high {
                let pivot = keys[low + (high - low) / 2]
                var left = low, right = high
                while left <= right {
                    while keys[left] < pivot { left += 1 }
                    while keys[right] > pivot { right -= 1 }
                    if left <= right {
                        keys.swapAt(left, right)
                        left += 1
                        right -= 1
                    }
                }
                // Now keys[low...right] <= pivot <= keys[left...high], and any between are the pivot.
                if rank <= right {
                    high = right
                } else if rank >= left {
                    low = left
                } else {
                    return pivot
                }
            }
            return keys[rank]
        }
    }

    /// `comments` by key, then (for the same key, which takes two respondents whose hashes
    /// collide) by their bytes: an order that does not depend on the order they came in.
    private func sorted(_ comments: [Kept]) -> [Kept] {
        bytes.withUnsafeBufferPointer { bytes in
            comments.sorted { lhs, rhs in
                if lhs.key != rhs.key { return lhs.key < rhs.key }
                return bytes[lhs.range].lexicographicallyPrecedes(bytes[rhs.range])
            }
        }
    }

    /// The sampled comments (each as often as given, in no meaningful order) and whether they
    /// are all the comments offered.
    func comments() -> (comments: [[String]], isComplete: Bool) {
        let sample = sorted(kept).prefix(capacity)
        let comments = bytes.withUnsafeBufferPointer { bytes in sample.map { ItemKey.items(of: ByteSpan(rebasing: bytes[$0.range])) } }
        return (comments, sample.count == offeredCount)
    }
}
