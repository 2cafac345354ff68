/// The comments one free-text question's themes are found in: all of them while they fit in
/// ``capacity``, otherwise a deterministic sample of that many, so memory stays bounded however
/// many responses a journal holds.
///
/// The sample is the `capacity` comments with the smallest content hash (a bottom-k sample).
/// It depends only on the multiset of comments, not on their order, and two samples merge into
/// the sample of the union: journals can be read in any order and in parallel pieces and give
/// the same report byte for byte. While every comment fits, the theme finder sees exactly what
/// it would see without sampling.
struct CommentSample: Sendable, Equatable {
    /// The most comments kept for theme finding.
    static let defaultCapacity = 1024

    /// One distinct comment (a respondent's entries) and its hash.
    struct Comment: Sendable, Hashable, Comparable {
        var hash: UInt64
        var entries: [String]

        static func < (lhs: Comment, rhs: Comment) -> Bool {
            if lhs.hash != rhs.hash { return lhs.hash < rhs.hash }
            return lhs.entries.lexicographicallyPrecedes(rhs.entries)
        }

        /// Only the content hash: it already depends on every byte of the entries, and hashing
        /// the strings again (Unicode-normalized) dominated adding comments.
        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }
    }

    let capacity: Int
    /// Every comment offered, kept or not.
    private(set) var offeredCount = 0
    /// Comments with at least one entry that is not blank, kept or not.
    private(set) var nonBlankCount = 0
    /// The kept comments with how often each was given.
    private var kept: [Comment: Int] = [:]
    private var keptCount = 0
    /// Comments hashing above this are outside the sample for good.
    private var ceiling = UInt64.max

    init(capacity: Int = CommentSample.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// The hash a comment is sampled by: ``ByteHash`` over each entry's UTF-8, entries chained
    /// in order, so that similar comments spread over the whole range.
    static func hash(_ entries: some Sequence<ByteSpan>) -> UInt64 {
        var hash = ByteHash.initial
        for entry in entries { hash = ByteHash.mix(hash ^ 0x0A, entry) }
        return ByteHash.finalized(hash)
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

    /// Offers one respondent's entries, as the journal line holds them; a `String` is made only
    /// for a comment that is kept, since most comments of a large journal hash above the ceiling.
    mutating func add(_ entries: some Collection<ByteSpan>) {
        offeredCount += 1
        if entries.contains(where: Self.isNonBlank) { nonBlankCount += 1 }
        let hash = Self.hash(entries)
        guard hash <= ceiling else { return }
        kept[Comment(hash: hash, entries: entries.map(\.string)), default: 0] += 1
        keptCount += 1
        if keptCount > 2 * capacity { trim() }
    }

    /// Offers one respondent's entries.
    mutating func add(_ entries: [String]) {
        let joined = Array(entries.joined().utf8)
        joined.withUnsafeBufferPointer { buffer in
            var spans: [ByteSpan] = []
            var start = 0
            for entry in entries {
                let end = start + entry.utf8.count
                spans.append(ByteSpan(rebasing: buffer[start..<end]))
                start = end
            }
            add(spans)
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
        for (comment, count) in other.kept where comment.hash <= ceiling {
            kept[comment, default: 0] += count
            keptCount += count
        }
        // Trimmed only past twice the capacity, as in add: a journal read in a thousand pieces
        // merges a thousand times, and sorting the sample each time showed in the profile.
        if keptCount > 2 * capacity { trim() }
    }

    /// Keeps only the `capacity` smallest comments (a repeated comment may be cut partly).
    private mutating func trim() {
        let ordered = kept.keys.sorted()
        var remaining = capacity
        var trimmed: [Comment: Int] = [:]
        for comment in ordered where remaining > 0 {
            let count = min(kept[comment] ?? 0, remaining)
            trimmed[comment] = count
            remaining -= count
            ceiling = comment.hash
        }
        kept = trimmed
        keptCount = capacity - remaining
    }

    /// The sampled comments (each as often as given, in no meaningful order) and whether they
    /// are all the comments offered.
    func comments() -> (comments: [[String]], isComplete: Bool) {
        var sample = self
        if sample.keptCount > capacity { sample.trim() }
        var comments: [[String]] = []
        comments.reserveCapacity(sample.keptCount)
        for comment in sample.kept.keys.sorted() {
            comments.append(contentsOf: repeatElement(comment.entries, count: sample.kept[comment] ?? 0))
        }
        return (comments, sample.keptCount == offeredCount)
    }
}
