import Foundation
import KioskCore
import Testing

@Suite struct ResponseRecordBuilderTests {
    let questionnaire = Questionnaire(
        id: "staff-pulse", version: "3", title: "Pulse",
        questions: [
            Question(id: "recommend", prompt: "Recommend?", kind: .nps(labels: [:])),
            Question(id: "reason", prompt: "Why?", kind: .text(maxLengthCharacters: 1000, allowsManyEntries: false, themes: [])),
            Question(id: "barriers", prompt: "Barriers?", kind: .text(maxLengthCharacters: 1000, allowsManyEntries: true, themes: [])),
            Question(id: "team", prompt: "Team?", kind: .choice(options: ["Sales", "Service"], isSegment: true)),
        ])

    func builder(timeZone: String = "UTC", ids: [String] = ["id-1"]) -> ResponseRecordBuilder {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        let counter = IDSequence(ids: ids)
        return ResponseRecordBuilder(calendar: calendar, makeID: { counter.next() })
    }

    @Test func keepsOnlyTheDayInTheGivenTimeZone() {
        // 2026-11-23 23:30 UTC is already 24 November in Berlin.
        let date = Date(timeIntervalSince1970: 1_795_476_600)
        #expect(builder().record(for: questionnaire, answers: [:], date: date).date == "2026-11-23")
        #expect(builder(timeZone: "Europe/Berlin").record(for: questionnaire, answers: [:], date: date).date == "2026-11-24")
    }

    @Test func answersFollowTheQuestionnaireAndAreScrubbed() {
        let record = builder().record(
            for: questionnaire,
            answers: [
                "team": .text("Sales\u{1B}"),
                "barriers": .list(["call 020 7946 0958", "  ", "\u{202E}", "mail jo@example.com"]),
                "recommend": .number(7),
                "reason": .text("  \u{7}  "),
                "unknown": .text("dropped"),
            ],
            session: "q4\u{1B}[2J", location: "\u{0}",
            date: Date(timeIntervalSince1970: 0))
        #expect(record.answers.map(\.questionID) == ["recommend", "barriers", "team"])
        #expect(record.answer(to: "barriers") == .list(["call [phone]", "mail [email]"]))
        #expect(record.answer(to: "team") == .text("Sales"))
        #expect(record.session == "q4[2J")
        #expect(record.location == nil)
        #expect(record.questionnaire == "staff-pulse")
        #expect(record.questionnaireVersion == "3")
        #expect(record.date == "1970-01-01")
        #expect(record.id == "id-1")
    }

    @Test func defaultIDsAreRandomLowercaseUUIDs() {
        let builder = ResponseRecordBuilder()
        let first = builder.record(for: questionnaire, answers: [:], date: Date()).id
        let second = builder.record(for: questionnaire, answers: [:], date: Date()).id
        #expect(first != second)
        #expect(first == first.lowercased())
        #expect(UUID(uuidString: first) != nil)
        // Version 4: the 13th hex digit is 4.
        #expect(Array(first)[14] == "4")
    }
}

/// Hands out ids in order, for tests.
final class IDSequence: @unchecked Sendable {
    private var ids: [String]
    private let lock = NSLock()

    init(ids: [String]) {
        self.ids = ids
    }

    func next() -> String {
        lock.withLock { ids.isEmpty ? "exhausted" : ids.removeFirst() }
    }
}

@Suite struct DatePrecisionTests {
    private func stored(_ day: String, _ precision: DatePrecision) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let formatter = ISO8601DateFormatter()
        let date = try #require(formatter.date(from: day + "T15:30:00Z"))
        return ResponseRecordBuilder(calendar: calendar, datePrecision: precision).day(of: date)
    }

    @Test func weeksAreStoredAsTheirMondayAndMonthsAsTheirFirstDay() throws {
        // 2026-11-23 is a Monday; 2026-11-29 the Sunday of the same ISO week.
        #expect(try stored("2026-11-25", .day) == "2026-11-25")
        #expect(try stored("2026-11-23", .week) == "2026-11-23")
        #expect(try stored("2026-11-29", .week) == "2026-11-23")
        #expect(try stored("2026-11-30", .week) == "2026-11-30")
        // 2027-01-01 is a Friday: its week began on Monday 2026-12-28, in the previous year.
        #expect(try stored("2027-01-01", .week) == "2026-12-28")
        #expect(try stored("2026-11-25", .month) == "2026-11-01")
        #expect(try stored("2026-12-31", .month) == "2026-12-01")
    }
}
