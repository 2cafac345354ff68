/// One finished, anonymized response: a line of the journal (format 1).
///
/// It holds nothing that identifies a respondent: no name, login, host, process id, time of day
/// or sequence number. `id` is random and exists only so merged journals can drop duplicates.
public struct JournalRecord: Sendable, Equatable {
    /// The only format this version writes; readers skip lines with another format.
    public static let currentFormat = 1

    /// The record's format number.
    public var format: Int
    /// A random UUIDv4, lower case.
    public var id: String
    /// The questionnaire's id.
    public var questionnaire: String
    /// The questionnaire's version when the response was given.
    public var questionnaireVersion: String
    /// The day, `YYYY-MM-DD` (never the time).
    public var date: String
    /// The session tag, present only when given.
    public var session: String?
    /// The location label, present only when given.
    public var location: String?
    /// Answers by question id, in questionnaire order; skipped questions are absent.
    public var answers: [(questionID: String, answer: Answer)]

    /// Creates a record.
    public init(
        format: Int = JournalRecord.currentFormat,
        id: String,
        questionnaire: String,
        questionnaireVersion: String,
        date: String,
        session: String? = nil,
        location: String? = nil,
        answers: [(questionID: String, answer: Answer)]
    ) {
        self.format = format
        self.id = id
        self.questionnaire = questionnaire
        self.questionnaireVersion = questionnaireVersion
        self.date = date
        self.session = session
        self.location = location
        self.answers = answers
    }

    /// The answer to one question, if given.
    public func answer(to questionID: String) -> Answer? {
        answers.first { $0.questionID == questionID }?.answer
    }

    public static func == (lhs: JournalRecord, rhs: JournalRecord) -> Bool {
        lhs.format == rhs.format && lhs.id == rhs.id && lhs.questionnaire == rhs.questionnaire
            && lhs.questionnaireVersion == rhs.questionnaireVersion && lhs.date == rhs.date
            && lhs.session == rhs.session && lhs.location == rhs.location
            && lhs.answers.elementsEqual(rhs.answers) { $0.questionID == $1.questionID && $0.answer == $1.answer }
    }
}
