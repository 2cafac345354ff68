import Foundation
import KioskCore
import KioskTestSupport
import Testing

private typealias R = RecordBuilding

/// A question whose `when` depends on a segment answer is asked of a group, so the report must
/// treat its respondents as one: a question asked only of Legal would otherwise show Legal's
/// answers and quotes however few people Legal has, which the segment's masking hides.
@Suite struct GroupAskedQuestionTests {
    static let text = QuestionKind.text(maxLengthCharacters: 0, allowsManyEntries: false, themes: [])

    static func questionnaire(siteQuestion: Bool = false) -> Questionnaire {
        var questions = [
            Question(id: "recommend", prompt: "Would you recommend us?", kind: .nps(labels: [:])),
            Question(id: "team", prompt: "Which team?", kind: .choice(options: ["Sales", "Service", "Legal"], isSegment: true)),
            Question(id: "site", prompt: "Which site?", kind: .choice(options: ["North", "East"], isSegment: false)),
            Question(
                id: "legal_needs", prompt: "What does Legal need?",
                condition: .comparison(questionID: "team", op: .equal, value: .string("Legal")), kind: text),
            Question(
                id: "legal_ok", prompt: "Is Legal well served?",
                condition: .comparison(questionID: "team", op: .equal, value: .string("Legal")), kind: .yesno),
            // Asked through a question asked of Legal: still only Legal.
            Question(
                id: "legal_why", prompt: "Why not?",
                condition: .comparison(questionID: "legal_ok", op: .equal, value: .string("no")), kind: text),
            Question(
                id: "others_score", prompt: "How is your team doing?",
                condition: .not(.comparison(questionID: "team", op: .equal, value: .string("Legal"))),
                kind: .scale(min: 1, max: 5, labels: [:])),
            // Depends on a score, not on a segment: its respondents are no group of people.
            Question(
                id: "detractor_why", prompt: "What would change your score?",
                condition: .comparison(questionID: "recommend", op: .lessOrEqual, value: .number(6)), kind: text),
        ]
        if siteQuestion {
            questions.append(Question(
                id: "east_only", prompt: "How is the East site?",
                condition: .comparison(questionID: "site", op: .equal, value: .string("East")), kind: .scale(min: 1, max: 5, labels: [:])))
        }
        return Questionnaire(id: "pulse", title: "Pulse", questions: questions)
    }

    /// Sales 6 and Service 5 answer `others_score`; `legal` people of Legal answer the Legal
    /// questions with comments that name them; two detractors explain their score; one person
    /// works at the East site.
    static func records(legal: Int) -> [JournalRecord] {
        let teams = Array(repeating: "Sales", count: 6) + Array(repeating: "Service", count: 5) + Array(repeating: "Legal", count: legal)
        return teams.enumerated().map { index, team in
            var answers: [(String, Answer)] = [
                ("recommend", .number(index < 2 ? 3 : 9)), ("team", .text(team)), ("site", .text(index == 0 ? "East" : "North")),
            ]
            if index < 2 { answers.append(("detractor_why", .text("Detractor reason \(index)"))) }
            if index == 0 { answers.append(("east_only", .number(2))) }
            if team == "Legal" {
                answers += [
                    ("legal_needs", .text("Marguerite in Legal needs contract templates \(index)")), ("legal_ok", .text("no")),
                    ("legal_why", .text("Marguerite's caseload \(index)")),
                ]
            } else {
                answers.append(("others_score", .number(4)))
            }
            return R.record(questionnaire: "pulse", id: "r\(index)", answers)
        }
    }

    static func report(legal: Int, options: SummaryOptions = SummaryOptions(), siteQuestion: Bool = false) -> Report {
        var builder = SummaryBuilder(questionnaires: ["pulse": questionnaire(siteQuestion: siteQuestion)], options: options)
        for record in records(legal: legal) { builder.add(record) }
        return builder.report()
    }

    func summary(_ id: String, in report: Report) throws -> QuestionSummary {
        try #require(report.questionnaires.first?.overall.questions.first { $0.id == id })
    }

    @Test func aQuestionAskedOfASmallTeamIsWithheld() throws {
        let report = Self.report(legal: 2)
        for id in ["legal_needs", "legal_ok", "legal_why"] {
            let question = try summary(id, in: report)
            #expect(question.suppression == .belowMinimum, "\(id)")
            #expect(question.answeredCount == 0, "\(id)")
        }
        guard case .text(let needs) = try summary("legal_needs", in: report).result else { throw UnexpectedResult() }
        #expect(needs.commenterCount == 0 && needs.themes.isEmpty)
    }

    @Test func aQuestionAskedOfAllButASmallTeamIsWithheld() throws {
        // 11 of 13 answered: the 2 who did not are Legal, whom the team question hides.
        let question = try summary("others_score", in: Self.report(legal: 2))
        #expect(question.suppression == .complementary)
        #expect(question.answeredCount == 0)
    }

    @Test func groupsLargeEnoughAreShown() throws {
        let report = Self.report(legal: 5)
        let needs = try summary("legal_needs", in: report)
        #expect(needs.suppression == nil && needs.answeredCount == 5)
        let others = try summary("others_score", in: report)
        #expect(others.suppression == nil && others.answeredCount == 11)
    }

    @Test func aQuestionThatDependsOnAScoreIsShownHoweverFewAnswered() throws {
        let question = try summary("detractor_why", in: Self.report(legal: 2))
        #expect(question.suppression == nil && question.answeredCount == 2)
    }

    @Test func aQuestionThatDependsOnTheByQuestionIsWithheld() throws {
        // `site` is no segment: its counts, East 1 included, are shown, and so is a question
        // asked only at East. Broken down by site, East is a group, and the question with it.
        let plain = try summary("east_only", in: Self.report(legal: 5, siteQuestion: true))
        #expect(plain.suppression == nil && plain.answeredCount == 1)
        let bySite = try summary("east_only", in: Self.report(legal: 5, options: SummaryOptions(groupBy: "site"), siteQuestion: true))
        #expect(bySite.suppression == .belowMinimum)
    }

    @Test func noFormatShowsWhatASmallTeamSaid() throws {
        let report = Self.report(legal: 2)
        let outputs = [
            ("text", TextReportRenderer().render(report)), ("markdown", MarkdownReportRenderer().render(report)),
            ("json", JSONReportRenderer().render(report)), ("csv", CSVReportRenderer().render(report)),
            ("html", HTMLReportRenderer().render(report)),
        ]
        for (format, output) in outputs {
            #expect(!output.contains("Marguerite"), "\(format)")
            // CSV has theme counts but no quotes.
            if format != "csv" { #expect(output.contains("Detractor reason"), "\(format) shows the detractors' quotes") }
        }
        let text = TextReportRenderer().render(report)
        #expect(text.contains("withheld: asked only by certain segment answers, and fewer than 5 respondents answered"))
        #expect(text.contains("withheld: asked only by certain segment answers, and fewer than 5 respondents did not answer"))

        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONReportRenderer().render(report).utf8)) as? [String: Any])
        let questionnaires = try #require(json["questionnaires"] as? [[String: Any]])
        let overall = try #require(questionnaires.first?["overall"] as? [String: Any])
        let questions = try #require(overall["questions"] as? [[String: Any]])
        let needs = try #require(questions.first { $0["id"] as? String == "legal_needs" })
        #expect(needs["suppressed"] as? String == "below_minimum")
        #expect(needs["answered"] as? Int == 0)
        #expect(needs["commenters"] as? Int == 0)
        #expect((needs["themes"] as? [Any])?.isEmpty == true)
        let recommend = try #require(questions.first { $0["id"] as? String == "recommend" })
        #expect(recommend.keys.contains("suppressed") == false)

        let rows = try parseCSV(CSVReportRenderer().render(report))
        #expect(rows.filter { $0[2] == "legal_needs" }.map { Array($0[3...]) } == [["answered", "", "0"], ["suppressed", "below_minimum", "1"]])
    }

    struct UnexpectedResult: Error {}
}
