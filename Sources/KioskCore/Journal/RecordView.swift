import Foundation

/// The bytes of one string in a journal line: a slice of the line itself, or of the decoder's
/// scratch space when the string had escapes. Valid only while its line is being looked at.
typealias ByteSpan = UnsafeBufferPointer<UInt8>

/// One journal record as spans of the line it was read from, so that `kiosk summarize` can
/// count a million responses without making a `String` for every field of every line.
///
/// A view is valid only inside the closure ``RecordDecoder/withView(of:scratch:_:)`` passes it
/// to; ``record()`` makes the ``JournalRecord`` it stands for.
struct RecordView {
    /// One answer: its question id and value.
    struct AnswerView {
        var questionID: ByteSpan
        var value: Value
    }

    /// An answer's value; a list names its items' range in ``RecordView/listItems``.
    enum Value {
        case number(Int)
        case text(ByteSpan)
        case list(Range<Int>)
    }

    var id: ByteSpan
    var questionnaire: ByteSpan
    var questionnaireVersion: ByteSpan
    var date: ByteSpan
    /// `date` read (the decoder accepts only real days).
    var day: CalendarDay
    var session: ByteSpan?
    var location: ByteSpan?
    /// Answers in the order a record's `answers` would hold them.
    var answers: UnsafeBufferPointer<AnswerView>
    /// The items of every list answer, one after another.
    var listItems: UnsafeBufferPointer<ByteSpan>

    /// The record this view stands for.
    func record() -> JournalRecord {
        JournalRecord(
            format: JournalRecord.currentFormat, id: id.string, questionnaire: questionnaire.string,
            questionnaireVersion: questionnaireVersion.string, date: date.string,
            session: session?.string, location: location?.string,
            answers: answers.map { ($0.questionID.string, answer($0.value)) })
    }

    /// The answer `value` stands for.
    func answer(_ value: Value) -> Answer {
        switch value {
        case .number(let number): .number(number)
        case .text(let text): .text(text.string)
        case .list(let range): .list(listItems[range].map(\.string))
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes as a `String` (they are valid UTF-8: the decoder checked them).
    var string: String { String(decoding: self, as: UTF8.self) }

    /// Whether the bytes are exactly those of `other`.
    @inline(__always)
    func isSameBytes(as other: ByteSpan) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }

    /// Whether the bytes and `other` are the same text as Swift compares strings: the same
    /// bytes, or canonically equivalent (only possible when either has non-ASCII bytes: the
    /// Kelvin sign is a `K`).
    func isSameText(as other: ByteSpan) -> Bool {
        if isSameBytes(as: other) { return true }
        return (hasNonASCII || other.hasNonASCII) && string == other.string
    }

    /// Whether the bytes are the text of `other`, as Swift compares strings.
    func isSameText(as other: String) -> Bool {
        var other = other
        return other.withUTF8 { isSameText(as: $0) }
    }

    /// Whether any byte is outside ASCII.
    var hasNonASCII: Bool { contains { $0 >= 0x80 } }
}
