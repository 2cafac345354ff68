import Foundation

/// Turns a finished interview into an anonymized ``JournalRecord``.
///
/// What it leaves out is the point: the date is the day only, the id is random, free text is
/// scrubbed (``Scrubber``), and nothing about the respondent, the machine or the time of day is
/// added. The id generator and the calendar are injected so tests control them.
public struct ResponseRecordBuilder: Sendable {
    /// Makes a fresh random id for each record.
    public var makeID: @Sendable () -> String
    /// The calendar whose day the `date` field names (its time zone decides where midnight is).
    public var calendar: Calendar
    /// What free text goes through before it is stored.
    public var privacyFilter: PrivacyFilter
    /// Whether `date` names the day, or only the week or month.
    public var datePrecision: DatePrecision

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - calendar: The calendar and time zone for the day; defaults to the machine's.
    ///   - privacyFilter: What free text goes through; by default the ``Scrubber`` alone.
    ///   - datePrecision: The day by default; the week's Monday or the month's first day on request.
    ///   - makeID: The id generator; defaults to a random UUIDv4 in lower case.
    public init(
        calendar: Calendar = .current,
        privacyFilter: PrivacyFilter = PrivacyFilter(),
        datePrecision: DatePrecision = .day,
        makeID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.calendar = calendar
        self.privacyFilter = privacyFilter
        self.datePrecision = datePrecision
        self.makeID = makeID
    }

    /// The record for one respondent's answers.
    ///
    /// - Parameters:
    ///   - questionnaire: The questionnaire answered; its order decides the answers' order, and
    ///     answers to question ids it does not have are left out.
    ///   - answers: The answers by question id; skipped questions are absent.
    ///   - session: The operator's session tag, if any.
    ///   - location: The operator's location label, if any.
    ///   - date: When the response was finished; only its day is kept.
    public func record(
        for questionnaire: Questionnaire,
        answers: [String: Answer],
        session: String? = nil,
        location: String? = nil,
        date: Date
    ) -> JournalRecord {
        var ordered: [(questionID: String, answer: Answer)] = []
        for question in questionnaire.questions {
            guard let answer = answers[question.id],
                  let cleaned = Self.clean(answer, freeTextFilter: Self.isFreeText(question.kind) ? privacyFilter : nil)
            else { continue }
            ordered.append((question.id, cleaned))
        }
        return JournalRecord(
            id: makeID(),
            questionnaire: questionnaire.id,
            questionnaireVersion: questionnaire.version,
            date: day(of: date),
            session: Self.cleanLabel(session),
            location: Self.cleanLabel(location),
            answers: ordered)
    }

    /// `YYYY-MM-DD` for the day `date` falls on in the builder's calendar, or the first day of
    /// its week or month when the precision is coarser.
    public func day(of date: Date) -> String {
        let parts = datePrecision.start(of: date, in: calendar)
        let year = parts.year ?? 0
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        func padded(_ number: Int, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    private static func isFreeText(_ kind: QuestionKind) -> Bool {
        if case .text = kind { return true }
        return false
    }

    /// The answer as stored, or `nil` when nothing is left of it.
    ///
    /// Free text goes through `freeTextFilter`. Option strings come from the questionnaire, not the
    /// respondent, so they only lose control characters (cheap, and a questionnaire file is input too).
    static func clean(_ answer: Answer, freeTextFilter: PrivacyFilter?) -> Answer? {
        func cleanText(_ text: String) -> String? {
            let scrubbed = freeTextFilter?.clean(text) ?? Scrubber.removingControlCharacters(text)
            let trimmed = scrubbed.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        switch answer {
        case .number:
            return answer
        case .text(let text):
            return cleanText(text).map(Answer.text)
        case .list(let items):
            let cleaned = items.compactMap(cleanText)
            return cleaned.isEmpty ? nil : .list(cleaned)
        }
    }

    /// A session or location label without control characters, or `nil` when none is left.
    static func cleanLabel(_ label: String?) -> String? {
        guard let label else { return nil }
        let cleaned = Scrubber.removingControlCharacters(label).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? nil : cleaned
    }
}
