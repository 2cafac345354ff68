/// Counts the answers to one question as records stream past, without a `String` per answer:
/// NPS and scale values in a flat array, choice answers and lists by interned number, free
/// text offered to a bounded ``CommentSample``. ``tally()`` gives the ``AnswerTally`` the
/// report is built from.
struct AnswerAccumulator: Sendable {
    /// Counts of the values 0...10 (every NPS answer, most scale answers); empty until the
    /// first, so that an accumulator with nothing counted costs no allocation (see ``emptied()``).
    private var smallNumbers: [Int] = []
    private var otherNumbers: [Int: Int] = [:]
    private var texts = ByteInterner()
    private var textCounts: [Int] = []
    /// Lists, each as its ``ItemKey``.
    private var lists = ByteInterner()
    private var listCounts: [Int] = []
    private var comments: CommentSample?
    private var commentAnswerCount = 0
    private var commentEntryCount = 0

    /// Adds an answer to a question that is not free text.
    mutating func add(_ value: RecordView.Value, of record: RecordView, listKey: inout [UInt8]) {
        switch value {
        case .number(let number):
            if number >= 0 && number <= 10 {
                if smallNumbers.isEmpty { smallNumbers = [Int](repeating: 0, count: 11) }
                smallNumbers[number] += 1
            } else {
                otherNumbers[number, default: 0] += 1
            }
        case .text(let text):
            Self.count(texts.index(of: text), in: &textCounts)
        case .list(let range):
            listKey.removeAll(keepingCapacity: true)
            for item in record.listItems[range] { ItemKey.append(item, to: &listKey) }
            Self.count(listKey.withUnsafeBufferPointer { lists.index(of: $0) }, in: &listCounts)
        }
    }

    /// Adds an answer to a free-text question: a number or a text is one entry, a list several.
    /// `key` is the answer's ``CommentSample/key(respondentHash:questionHash:)``.
    mutating func addComment(_ value: RecordView.Value, of record: RecordView, key: UInt64) {
        commentAnswerCount += 1
        // Not `comments == nil`, which copied the sample (a retain and a release of its arrays)
        // for every comment.
        if case .none = comments { comments = CommentSample() }
        switch value {
        case .number(let number):
            commentEntryCount += 1
            var text = String(number)
            text.withUTF8 { comments?.add(CollectionOfOne($0), key: key) }
        case .text(let text):
            commentEntryCount += 1
            comments?.add(CollectionOfOne(text), key: key)
        case .list(let range):
            commentEntryCount += range.count
            comments?.add(UnsafeBufferPointer(rebasing: record.listItems[range]), key: key)
        }
    }

    private static func count(_ index: Int, in counts: inout [Int]) {
        if index == counts.count { counts.append(0) }
        counts[index] += 1
    }

    /// Adds what another accumulator of the same question counted.
    mutating func merge(_ other: AnswerAccumulator) {
        if smallNumbers.isEmpty {
            smallNumbers = other.smallNumbers
        } else if !other.smallNumbers.isEmpty {
            for value in 0...10 { smallNumbers[value] += other.smallNumbers[value] }
        }
        otherNumbers.merge(other.otherNumbers, uniquingKeysWith: +)
        for index in other.textCounts.indices {
            let mine = other.texts.withKey(index) { texts.index(of: $0) }
            if mine == textCounts.count { textCounts.append(0) }
            textCounts[mine] += other.textCounts[index]
        }
        for index in other.listCounts.indices {
            let mine = other.lists.withKey(index) { lists.index(of: $0) }
            if mine == listCounts.count { listCounts.append(0) }
            listCounts[mine] += other.listCounts[index]
        }
        commentAnswerCount += other.commentAnswerCount
        commentEntryCount += other.commentEntryCount
        if let otherComments = other.comments {
            if comments == nil { comments = otherComments } else { comments?.merge(otherComments) }
        }
    }

    /// An accumulator with nothing counted that samples comments no more widely than this one
    /// now does (see ``CommentSample/emptied()``). It allocates nothing but what the sample
    /// needs: the whole summary is emptied for every piece of the journals.
    func emptied() -> AnswerAccumulator {
        var empty = AnswerAccumulator()
        empty.comments = comments?.emptied()
        return empty
    }

    /// The counts as the report reads them. Texts that Swift considers equal (canonically
    /// equivalent spellings) are one answer there, as they would be in a `String` dictionary.
    func tally() -> AnswerTally {
        var tally = AnswerTally()
        for (value, count) in smallNumbers.enumerated() where count > 0 { tally.numbers[value] = count }
        tally.numbers.merge(otherNumbers, uniquingKeysWith: +)
        for (index, count) in textCounts.enumerated() { tally.texts[texts.key(index), default: 0] += count }
        for (index, count) in listCounts.enumerated() {
            let items = lists.withKey(index) { ItemKey.items(of: $0) }
            tally.lists[items, default: 0] += count
        }
        tally.comments = comments
        tally.commentAnswerCount = commentAnswerCount
        tally.commentEntryCount = commentEntryCount
        return tally
    }
}
