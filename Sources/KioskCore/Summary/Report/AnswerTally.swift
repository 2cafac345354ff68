/// The answers to one question, kept as multisets: counts per value, never a list in
/// journal order, so the same responses in any order give the same report.
///
/// Free-text answers (questions a questionnaire declares `text`) are not kept one by one, since
/// nearly every comment is distinct and a large journal would hold them all: they are counted
/// and offered to a bounded ``CommentSample`` that themes are found in.
struct AnswerTally: Sendable, Equatable {
    var numbers: [Int: Int] = [:]
    var texts: [String: Int] = [:]
    var lists: [[String]: Int] = [:]
    /// The free-text comments, for a question known to be free text.
    var comments: CommentSample?
    /// Free-text answers offered to `comments`.
    var commentAnswerCount = 0
    /// Free-text entries (a many-entry answer has several).
    var commentEntryCount = 0

    var answeredCount: Int {
        numbers.values.reduce(0, +) + texts.values.reduce(0, +) + lists.values.reduce(0, +) + commentAnswerCount
    }

    mutating func add(_ answer: Answer) {
        switch answer {
        case .number(let number): numbers[number, default: 0] += 1
        case .text(let text): texts[text, default: 0] += 1
        case .list(let items): lists[items, default: 0] += 1
        }
    }

    /// Adds an answer to a free-text question: a number or a text is one entry, a list several.
    mutating func addComment(_ answer: Answer) {
        commentAnswerCount += 1
        if comments == nil { comments = CommentSample() }
        switch answer {
        case .number(let number):
            commentEntryCount += 1
            comments?.add(single: String(number))
        case .text(let text):
            commentEntryCount += 1
            comments?.add(single: text)
        case .list(let items):
            commentEntryCount += items.count
            comments?.add(items)
        }
    }

    /// Adds the answers another tally counted (a part of the journal read separately).
    mutating func merge(_ other: AnswerTally) {
        numbers.merge(other.numbers, uniquingKeysWith: +)
        texts.merge(other.texts, uniquingKeysWith: +)
        lists.merge(other.lists, uniquingKeysWith: +)
        commentAnswerCount += other.commentAnswerCount
        commentEntryCount += other.commentEntryCount
        if let otherComments = other.comments {
            if comments == nil { comments = otherComments } else { comments?.merge(otherComments) }
        }
    }
}
