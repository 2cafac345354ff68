@testable import KioskCore
import KioskTestSupport
import Testing

/// The accumulator guesses each answer's question from the record before (same position) and
/// compares short ids and answers byte by byte before hashing them: whatever the guesses, it
/// must count what a plain count of the records with `String` keys counts.
@Suite struct QuestionnaireAccumulatorTests {
    static let questionnaire = RecordBuilding.staffPulse
    static let groupBy = "team"

    /// Records with the same answers in the same order mostly, then shuffled or skipped ones,
    /// ids and answers spelled with the Kelvin sign (`K` to Swift), more ids and answers than
    /// are compared one by one, and ids the questionnaire does not have.
    static func records() -> [JournalRecord] {
        var generator = SeededGenerator(seed: 0x4143_4355)
        let choices = ["Sales", "Service", "Kelvin", "\u{212A}elvin", "Warehouse north", "Warehouse south", "Office"]
        let extraValues = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "\u{212A}", "K", "a longer answer, one", "a longer answer, two"]
        let extraIDs = ["Key", "\u{212A}ey"] + (0..<10).map { "extra question \($0)" }
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        var records: [JournalRecord] = []
        for index in 0..<3000 {
            var answers: [(String, Answer)] = [
                ("recommend", .number(index % 50 == 0 ? 12 : Int(generator.next() % 11))),
                ("reason", .text(pick(["slow", "  ", "fine, mostly", "the queue keeps growing and nobody owns it"]))),
                ("barriers", .list((0..<Int(1 + generator.next() % 3)).map { _ in pick(["meetings", "tools", "\u{212A}PIs"]) })),
                ("equipped", .number(Int(1 + generator.next() % 5))),
                ("tools", .list(["CRM", "Email", "Chat"].filter { _ in generator.next() % 2 == 0 })),
                ("manager", .text(pick(["yes", "no"]))),
                ("team", .text(pick(choices))),
                (pick(extraIDs), generator.next() % 5 == 0 ? .number(Int(generator.next() % 30)) : .text(pick(extraValues))),
            ]
            answers = answers.filter { _ in generator.next() % 5 != 0 }
            if generator.next() % 4 == 0 { answers.shuffle(using: &generator) }
            records.append(
                RecordBuilding.record(
                    version: pick(["1", "1", "1", "2"]), date: "2026-05-\(10 + index % 9)",
                    session: pick([nil, "Kick-off", "\u{212A}ick-off", "s2"]), id: "r\(index)", answers))
        }
        return records
    }

    @Test func countsWhatAPlainCountOfTheRecordsCounts() throws {
        let records = Self.records()
        var accumulator = QuestionnaireAccumulator(
            questionnaire: Self.questionnaire, options: SummaryOptions(groupBy: Self.groupBy, trend: .session))
        var scratch = RecordDecoder.Scratch()
        for record in records {
            var line = JournalRecordCoder.encode(record)
            line.removeLast()
            let added: Void? = line.withUnsafeBufferPointer { RecordDecoder.withView(of: $0, scratch: &scratch) { accumulator.add($0) } }
            try #require(added != nil)
        }
        let tally = accumulator.tally()
        let expected = Self.plainTally(records)
        #expect(tally.responseCount == expected.responseCount)
        #expect(tally.versions == expected.versions && tally.sessions == expected.sessions)
        #expect(tally.firstDate == expected.firstDate && tally.lastDate == expected.lastDate)
        #expect(tally.overall == expected.overall)
        #expect(tally.groups == expected.groups)
        #expect(tally.noAnswerGroup == expected.noAnswerGroup)
        #expect(tally.trendCounts == expected.trendCounts && tally.periodFirstDates == expected.periodFirstDates)
        #expect(tally.groups.keys.contains("Kelvin") && tally.overall.questions.keys.contains("Key"))
    }

    /// The tally counted the plain way, with `String` keys.
    static func plainTally(_ records: [JournalRecord]) -> QuestionnaireTally {
        var freeTextIDs = Set<String>()
        var npsIDs = Set<String>()
        for question in questionnaire.questions {
            if case .text = question.kind { freeTextIDs.insert(question.id) }
            if case .nps = question.kind { npsIDs.insert(question.id) }
        }
        var tally = QuestionnaireTally()
        for record in records {
            tally.responseCount += 1
            tally.versions.insert(record.questionnaireVersion)
            if tally.firstDate.map({ record.date < $0 }) ?? true { tally.firstDate = record.date }
            if tally.lastDate.map({ record.date > $0 }) ?? true { tally.lastDate = record.date }
            if let session = record.session { tally.sessions.insert(session) }
            count(record, into: &tally.overall, freeTextIDs: freeTextIDs)
            if let group = record.answers.first(where: { $0.questionID == groupBy }) {
                count(record, into: &tally.groups[group.answer.displayText, default: SectionTally()], freeTextIDs: freeTextIDs)
            } else {
                count(record, into: &tally.noAnswerGroup, freeTextIDs: freeTextIDs)
            }
            let period = record.session ?? Trend.noSessionLabel
            for (questionID, answer) in record.answers where npsIDs.contains(questionID) {
                guard case .number(let value) = answer, (0...10).contains(value) else { continue }
                tally.trendCounts[questionID, default: [:]][period, default: [:]][value, default: 0] += 1
                tally.periodFirstDates[period] = min(tally.periodFirstDates[period] ?? record.date, record.date)
            }
        }
        return tally
    }

    private static func count(_ record: JournalRecord, into section: inout SectionTally, freeTextIDs: Set<String>) {
        section.respondentCount += 1
        for (questionID, answer) in record.answers {
            var question = section.questions[questionID] ?? AnswerTally()
            if freeTextIDs.contains(questionID) {
                let entries: [String]
                switch answer {
                case .number(let number): entries = [String(number)]
                case .text(let text): entries = [text]
                case .list(let items): entries = items
                }
                if question.comments == nil { question.comments = CommentSample() }
                question.comments?.add(entries, key: CommentSample.key(respondent: record.id, question: questionID))
                question.commentAnswerCount += 1
                question.commentEntryCount += entries.count
            } else {
                switch answer {
                case .number(let number): question.numbers[number, default: 0] += 1
                case .text(let text): question.texts[text, default: 0] += 1
                case .list(let items): question.lists[items, default: 0] += 1
                }
            }
            section.questions[questionID] = question
        }
    }
}
