/// A set of documents (commenters) of one corpus, as one bit per document.
///
/// Theme finding intersects and merges the commenter sets of hundreds of terms; with a corpus of
/// at most a few thousand documents a bit set does that a word at a time.
struct DocumentSet: Equatable {
    private var words: [UInt64]
    /// How many documents are in the set.
    private(set) var count = 0

    /// An empty set for a corpus of `documentCount` documents.
    init(documentCount: Int) {
        words = [UInt64](repeating: 0, count: (documentCount + 63) / 64)
    }

    mutating func insert(_ document: Int) {
        let bit = UInt64(1) << UInt64(document % 64)
        guard words[document / 64] & bit == 0 else { return }
        words[document / 64] |= bit
        count += 1
    }

    mutating func formUnion(_ other: DocumentSet) {
        count = 0
        for index in words.indices {
            words[index] |= other.words[index]
            count += words[index].nonzeroBitCount
        }
    }

    /// |self ∩ other|, counted without building the intersection.
    func overlap(_ other: DocumentSet) -> Int {
        var shared = 0
        for index in words.indices { shared += (words[index] & other.words[index]).nonzeroBitCount }
        return shared
    }

    /// The documents in ascending order.
    var sorted: [Int] {
        var documents: [Int] = []
        documents.reserveCapacity(count)
        for (index, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                documents.append(index * 64 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return documents
    }
}
