/// The answers to one question, kept as multisets: counts per value, never a list in
/// journal order, so the same responses in any order give the same report.
///
/// Free-text answers (questions a questionnaire declares `text`) are not kept one by one, since
/// nearly every comment is distinct and a large journal would hold them all: they are counted
/// and offered to a bounded ``CommentSample`` that themes are found in. An
/// ``AnswerAccumulator`` does the counting.
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
