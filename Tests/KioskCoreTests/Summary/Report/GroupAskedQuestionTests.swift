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

    @Test func aQuestionAskedByAnyChoiceIsAGroups() throws {
        // `site` is no segment: its counts, East 1 included, are shown. A question asked only at
        // East is still answered by a group of people, with --by site or without it.
        let plain = try summary("east_only", in: Self.report(legal: 5, siteQuestion: true))
        #expect(plain.suppression == .belowMinimum && plain.answeredCount == 0)
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
        #expect(text.contains("withheld: fewer than 5 answers or comments to show, and it is or may be asked only of a group"))
        #expect(text.contains("withheld: it is asked only of a group, and its figures would give away a group of fewer than 5"))

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
        // No answered row: a 0 there would be summed as a count.
        #expect(rows.filter { $0[2] == "legal_needs" }.map { Array($0[3...]) } == [["suppressed", "below_minimum", "1"]])
    }

    // MARK: Subtraction across sections

    /// People with an optional team (a segment), a role (no segment) and answers of their own.
    struct Person {
        var team: String?
        var role = "staff"
        var answers: [(String, Answer)] = []
    }

    /// `team` (segment, optional), `role`, then `team_nps` asked of Legal and `ops_nps` of Ops.
    static let teamQuestionnaire = Questionnaire(
        id: "teams", title: "Teams",
        questions: [
            Question(id: "recommend", prompt: "Would you recommend us?", kind: .nps(labels: [:])),
            Question(
                id: "team", prompt: "Which team?", isRequired: false,
                kind: .choice(options: ["Sales", "Ops", "Legal"], isSegment: true)),
            Question(id: "role", prompt: "Your role?", kind: .choice(options: ["staff", "manager"], isSegment: false)),
            Question(
                id: "legal_nps", prompt: "Would you recommend Legal's tools?",
                condition: .comparison(questionID: "team", op: .equal, value: .string("Legal")), kind: .nps(labels: [:])),
            Question(
                id: "ops_nps", prompt: "Would you recommend Ops's tools?",
                condition: .comparison(questionID: "team", op: .equal, value: .string("Ops")), kind: .nps(labels: [:])),
            Question(
                id: "legal_note", prompt: "Anything else, Legal?",
                condition: .comparison(questionID: "team", op: .equal, value: .string("Legal")), kind: text),
            Question(
                id: "legal_ok", prompt: "Is Legal well served?",
                condition: .comparison(questionID: "team", op: .equal, value: .string("Legal")), kind: .yesno),
            Question(
                id: "not_legal", prompt: "How are your team's tools?", isRequired: false,
                condition: .not(.comparison(questionID: "team", op: .equal, value: .string("Legal"))),
                kind: .scale(min: 1, max: 5, labels: [:])),
            Question(
                id: "sales_or_ops", prompt: "Do you meet customers?",
                condition: .or(
                    .comparison(questionID: "team", op: .equal, value: .string("Sales")),
                    .comparison(questionID: "team", op: .equal, value: .string("Ops"))),
                kind: .yesno),
        ])

    static func teamReport(_ people: [Person], options: SummaryOptions = SummaryOptions()) -> Report {
        var builder = SummaryBuilder(questionnaires: ["teams": teamQuestionnaire], options: options)
        for (index, person) in people.enumerated() {
            var answers: [(String, Answer)] = [("recommend", .number(8)), ("role", .text(person.role))]
            if let team = person.team { answers.append(("team", .text(team))) }
            builder.add(R.record(questionnaire: "teams", date: "2026-11-0\(index % 2 + 1)", id: "p\(index)", answers + person.answers))
        }
        return builder.report()
    }

    static func teamSummary(_ people: [Person], options: SummaryOptions = SummaryOptions()) -> QuestionnaireSummary? {
        teamReport(people, options: options).questionnaires.first
    }

    /// Legal: 5 staff and 4 managers answer legal_nps; Sales: 10 staff, 6 managers.
    static let legalManagers = people(5, team: "Legal", answers: [("legal_nps", .number(9))])
        + people(4, team: "Legal", role: "manager", answers: [("legal_nps", .number(1))])
        + people(10, team: "Sales") + people(6, team: "Sales", role: "manager")

    static func people(_ count: Int, team: String?, role: String = "staff", answers: [(String, Answer)] = []) -> [Person] {
        Array(repeating: Person(team: team, role: role, answers: answers), count: count)
    }

    func question(_ id: String, in section: Section?) throws -> QuestionSummary {
        try #require(section?.questions.first { $0.id == id })
    }

    @Test func aQuestionShownOverallAndForAllGroupsButOneIsWithheldInAnotherGroup() throws {
        // By role, Legal's 4 managers are withheld in their group, and overall (9) less staff
        // (5) would give them: staff's legal_nps is withheld too.
        let summary = try #require(Self.teamSummary(Self.legalManagers, options: SummaryOptions(groupBy: "role")))
        #expect(try question("legal_nps", in: summary.overall).answeredCount == 9)
        let groups = try #require(summary.breakdown).groups
        #expect(groups.map(\.label) == ["staff", "manager"])
        #expect(try question("legal_nps", in: groups[1].section).suppression == .belowMinimum)
        #expect(try question("legal_nps", in: groups[0].section).suppression == .complementary)
        // Nobody answered ops_nps, but its n = 0 would say the staff have no Ops, which their
        // team table (withheld, since the managers' Legal is 4) hides.
        #expect(try question("ops_nps", in: groups[0].section).suppression == .complementary)
    }

    @Test func aQuestionShownInEveryGroupNeedsNothingMore() throws {
        let people = Self.people(5, team: "Legal", answers: [("legal_nps", .number(9))])
            + Self.people(5, team: "Legal", role: "manager", answers: [("legal_nps", .number(1))])
            + Self.people(10, team: "Sales") + Self.people(6, team: "Sales", role: "manager")
        let groups = try #require(Self.teamSummary(people, options: SummaryOptions(groupBy: "role"))?.breakdown).groups
        #expect(try question("legal_nps", in: groups[0].section).suppression == nil)
        #expect(try question("legal_nps", in: groups[1].section).suppression == nil)
        #expect(try question("legal_nps", in: groups[1].section).answeredCount == 5)
    }

    @Test func insideItsOwnTeamAQuestionEveryoneAnsweredIsShown() throws {
        // By team, Legal's 5 all answered: nobody left to work out, so it is shown there.
        let people = Self.people(5, team: "Legal", answers: [("legal_nps", .number(9))]) + Self.people(10, team: "Sales")
        let groups = try #require(Self.teamSummary(people, options: SummaryOptions(groupBy: "team"))?.breakdown).groups
        let legal = try #require(groups.first { $0.label == "Legal" })
        #expect(try question("legal_nps", in: legal.section).suppression == nil)
        #expect(try question("legal_nps", in: legal.section).answeredCount == 5)
        let sales = try #require(groups.first { $0.label == "Sales" })
        #expect(try question("legal_nps", in: sales.section).suppression == nil)
        #expect(try question("legal_nps", in: sales.section).answeredCount == 0)
    }

    @Test func aQuestionAskedByAnOptionWithheldWithASmallOneIsWithheld() throws {
        // Ops 7 and Legal 3 give a team; 10 more do not. The team question withholds Legal (3)
        // and Ops with it; ops_nps's n = 7 would give Ops's, and 10 - 7 Legal's.
        let people = Self.people(7, team: "Ops", answers: [("ops_nps", .number(9))]) + Self.people(3, team: "Legal")
            + Self.people(10, team: nil)
        let summary = try #require(Self.teamSummary(people))
        #expect(try question("ops_nps", in: summary.overall).suppression == .complementary)
    }

    @Test func noBreakdownByAQuestionWithheldOverall() throws {
        // legal_ok is withheld (3 answered): groups by its answers would give their sizes, and
        // "(no answer)" (12) Legal's as 15 - 12.
        let people = Self.people(2, team: "Legal", answers: [("legal_ok", .text("yes"))])
            + Self.people(1, team: "Legal", answers: [("legal_ok", .text("no"))]) + Self.people(12, team: "Sales")
        let summary = try #require(Self.teamSummary(people, options: SummaryOptions(groupBy: "legal_ok")))
        #expect(summary.breakdown == nil)
        #expect(summary.notes.contains("No breakdown: 'legal_ok' is asked only of a group, and its figures are withheld."))
    }

    @Test func blankAndUnfitAnswersDoNotMakeAGroupLargeEnough() throws {
        // Legal 5: 4 fitting scores and an 11 (which does not fit 0-10); 3 notes and 2 blank ones.
        let people = (0..<5).map { index in
            Person(team: "Legal", answers: [
                ("legal_nps", .number(index == 4 ? 11 : index)), ("legal_note", .text(index < 3 ? "Marguerite \(index)" : "  ")),
            ])
        } + Self.people(10, team: "Sales")
        let summary = try #require(Self.teamSummary(people))
        #expect(try question("legal_nps", in: summary.overall).suppression == .belowMinimum)
        #expect(try question("legal_note", in: summary.overall).suppression == .belowMinimum)
        // Nor does a note say that one of them answered 11.
        #expect(!summary.notes.contains { $0.contains("did not fit") })
    }

    @Test func aQuestionTheFileNoLongerHasIsWithheldWhenFewAnsweredIt() throws {
        // Version 1 asked old_legal; the file (version 2) no longer has it, nor its condition.
        func summary(answering count: Int) throws -> QuestionSummary {
            let people = Self.people(count, team: "Legal", answers: [("old_legal", .text("Marguerite's view"))]) + Self.people(10, team: "Sales")
            return try question("old_legal", in: Self.teamSummary(people)?.overall)
        }
        #expect(try summary(answering: 2).suppression == .belowMinimum)
        #expect(try summary(answering: 5).suppression == nil)
    }

    @Test func aQuestionWithheldOverallHasNoTrend() throws {
        // Sales 10, Ops 7, Legal 5 (every team shown); 2 of Legal answer legal_nps, Ops all ops_nps.
        let people = Self.people(7, team: "Ops", answers: [("ops_nps", .number(9))])
            + Self.people(2, team: "Legal", answers: [("legal_nps", .number(3))]) + Self.people(3, team: "Legal")
            + Self.people(10, team: "Sales")
        let summary = try #require(Self.teamSummary(people, options: SummaryOptions(trend: .month)))
        #expect(summary.trends.map(\.questionID) == ["recommend", "ops_nps"])
        #expect(summary.notes.contains("No trend for legal_nps: its figures are withheld."))
    }

    @Test func aQuestionAskedByAWithheldOptionIsWithheld() throws {
        // Sales 10, Ops 1, Legal 5: Ops is fewer than 5 and Legal is withheld with it, so
        // legal_ok's n = 5 would give Legal's size, and 16 - 10 - 5 Ops's.
        let people = Self.people(5, team: "Legal", answers: [("legal_ok", .text("yes"))]) + Self.people(1, team: "Ops")
            + Self.people(10, team: "Sales")
        let summary = try #require(Self.teamSummary(people))
        #expect(try question("legal_ok", in: summary.overall).suppression == .complementary)
    }

    @Test func aQuestionAskedOfAllButAShownTeamIsShownThoughSomeSkippedIt() throws {
        // not_legal is asked unless team is Legal (also of those who skip team). Sales 12 (2
        // skip not_legal), Legal 5, 3 without a team: Legal is shown, so nothing is given away.
        let people = Self.people(10, team: "Sales", answers: [("not_legal", .number(4))]) + Self.people(2, team: "Sales")
            + Self.people(5, team: "Legal") + Self.people(3, team: nil, answers: [("not_legal", .number(2))])
        let summary = try #require(Self.teamSummary(people))
        let notLegal = try question("not_legal", in: summary.overall)
        #expect(notLegal.suppression == nil && notLegal.answeredCount == 13)
    }

    @Test func withoutTheQuestionnaireFewAnswersAreWithheldButAnotherVersionsAreShown() throws {
        // Without the file, whether legal_tools was asked only of Legal is unknown. A file of
        // another version that asks it of everyone is taken at its word: every version bump
        // would otherwise withhold every question few answered.
        let people = Self.people(3, team: "Legal", answers: [("legal_tools", .number(1))]) + Self.people(10, team: "Sales")
        var missing = SummaryBuilder(questionnaires: [:], options: SummaryOptions())
        var otherVersion = SummaryBuilder(
            questionnaires: ["teams": Questionnaire(id: "teams", version: "2", title: "Teams", questions: [
                Question(id: "recommend", prompt: "Would you recommend us?", kind: .nps(labels: [:])),
                Question(id: "legal_tools", prompt: "How are your tools?", kind: .scale(min: 1, max: 5, labels: [:])),
            ])],
            options: SummaryOptions())
        for (index, person) in people.enumerated() {
            let record = R.record(questionnaire: "teams", version: "1", id: "t\(index)", [("team", .text(person.team ?? ""))] + person.answers)
            missing.add(record)
            otherVersion.add(record)
        }
        #expect(try question("legal_tools", in: missing.report().questionnaires.first?.overall).suppression == .belowMinimum)
        let shown = try question("legal_tools", in: otherVersion.report().questionnaires.first?.overall)
        #expect(shown.suppression == nil && shown.answeredCount == 3)
    }

    @Test func aQuestionWithheldOverallIsWithheldInEveryGroup() throws {
        // Overall Ops (1) is fewer than 5 and Legal (5) withheld with it, so legal_ok is
        // withheld. By role, the staff group's own team counts (Sales 10, Legal 5) hide nothing,
        // but its legal_ok n = 5 would give Legal's size, and with it Ops's.
        let people = Self.people(5, team: "Legal", answers: [("legal_ok", .text("yes"))]) + Self.people(10, team: "Sales")
            + Self.people(1, team: "Ops", role: "manager") + Self.people(6, team: "Sales", role: "manager")
        let summary = try #require(Self.teamSummary(people, options: SummaryOptions(groupBy: "role")))
        #expect(try question("legal_ok", in: summary.overall).suppression == .complementary)
        let staff = try #require(summary.breakdown?.groups.first { $0.label == "staff" })
        #expect(try question("legal_ok", in: staff.section).suppression == .complementary)
    }

    @Test func aQuestionTheWholeGroupWasAskedIsShownThoughItNamesAHiddenOption() throws {
        // Ops 6 and Sales 16 overall; the managers are Sales 6 and Ops 1, so in their group Ops
        // is fewer than 5 and Sales withheld with it. sales_or_ops was asked of all 7 managers:
        // its n is the group's size, which is shown anyway.
        let people = Self.people(5, team: "Ops", answers: [("sales_or_ops", .text("yes"))])
            + Self.people(1, team: "Ops", role: "manager", answers: [("sales_or_ops", .text("yes"))])
            + Self.people(10, team: "Sales", answers: [("sales_or_ops", .text("no"))])
            + Self.people(6, team: "Sales", role: "manager", answers: [("sales_or_ops", .text("no"))])
        let summary = try #require(Self.teamSummary(people, options: SummaryOptions(groupBy: "role")))
        let managers = try #require(summary.breakdown?.groups.first { $0.label == "manager" })
        guard case .counts(let team) = try question("team", in: managers.section).result else { throw UnexpectedResult() }
        // (Every count of it is withheld in every group: see optionsWithheldAnywhereAreWithheldInEveryGroup.)
        #expect(team.categories.map { $0.suppression?.rawValue ?? String($0.count) } == ["complementary", "below_minimum", "complementary"])
        let asked = try question("sales_or_ops", in: managers.section)
        #expect(asked.suppression == nil && asked.answeredCount == 7)
    }

    @Test func optionsWithheldAnywhereAreWithheldInEveryGroup() throws {
        // Overall Sales 10, Ops 7, Legal 3: Legal is fewer than 5, Ops withheld with it. By role,
        // staff are Sales 5 and Ops 7 and managers Sales 5 and Legal 3: had the groups shown
        // Ops 7 and 0, Legal's 3 would be 20 - 10 - 7; had staff shown Sales 5, the managers'
        // Sales would be 10 - 5 and their Legal 8 - 5. The groups' sizes and the overall counts
        // are a table's totals: every count of the team question is withheld in every group.
        let people = Self.people(5, team: "Sales") + Self.people(7, team: "Ops")
            + Self.people(5, team: "Sales", role: "manager") + Self.people(3, team: "Legal", role: "manager")
        let summary = try #require(Self.teamSummary(people, options: SummaryOptions(groupBy: "role")))
        func masking(_ section: Section?) throws -> [String] {
            guard case .counts(let team) = try question("team", in: section).result else { throw UnexpectedResult() }
            return team.masking
        }
        #expect(try masking(summary.overall) == ["Sales: 10", "Ops: complementary", "Legal: below_minimum"])
        let groups = try #require(summary.breakdown).groups
        #expect(try masking(groups[0].section) == ["Sales: complementary", "Ops: complementary", "Legal: complementary"])
        #expect(try masking(groups[1].section) == ["Sales: complementary", "Ops: complementary", "Legal: below_minimum"])
    }

    @Test func aQuestionNamingAnOptionTheGroupsTableWithholdsIsWithheldThere() throws {
        // Staff: Sales 6, Legal 5; managers: Sales 6, Legal 4. The managers' Legal 4 withholds
        // the team table in both groups; had the staff shown sales_or_ops's n = 6, the managers'
        // Sales would be 12 - 6 and their Legal 10 - 6.
        let people = Self.people(6, team: "Sales", answers: [("sales_or_ops", .text("yes"))]) + Self.people(5, team: "Legal")
            + Self.people(6, team: "Sales", role: "manager", answers: [("sales_or_ops", .text("no"))])
            + Self.people(4, team: "Legal", role: "manager")
        let summary = try #require(Self.teamSummary(people, options: SummaryOptions(groupBy: "role")))
        #expect(try question("sales_or_ops", in: summary.overall).answeredCount == 12)
        let staff = try #require(summary.breakdown?.groups.first { $0.label == "staff" })
        #expect(try question("sales_or_ops", in: staff.section).suppression == .complementary)
    }

    @Test func aSegmentWithNothingWithheldIsShownInEveryGroup() throws {
        // Sales 10 and Ops 12, staff and managers each at least 5 of either: nothing to hide.
        let people = Self.people(5, team: "Sales") + Self.people(6, team: "Ops")
            + Self.people(5, team: "Sales", role: "manager") + Self.people(6, team: "Ops", role: "manager")
        let groups = try #require(Self.teamSummary(people, options: SummaryOptions(groupBy: "role"))?.breakdown).groups
        guard case .counts(let team) = try question("team", in: groups[0].section).result else { throw UnexpectedResult() }
        #expect(team.masking == ["Sales: 5", "Ops: 6", "Legal: 0"])
    }

    @Test func markdownAndHTMLSayWhyAQuestionIsWithheld() throws {
        let report = Self.report(legal: 2)
        let markdown = MarkdownReportRenderer().render(report)
        #expect(markdown.contains("*withheld: fewer than 5 answers or comments to show, and it is or may be asked only of a group*"))
        let html = HTMLReportRenderer().render(report)
        #expect(html.contains("<p>withheld: fewer than 5 answers or comments to show, and it is or may be asked only of a group</p>"))
        // In a breakdown's small multiples too: the managers' card for legal_nps.
        let byRole = HTMLReportRenderer().render(Self.teamReport(Self.legalManagers, options: SummaryOptions(groupBy: "role")))
        let multiples = try #require(byRole.components(separatedBy: "<h4>Would you recommend Legal&#39;s tools?</h4>").dropFirst().first)
        let cards = multiples.components(separatedBy: "</figure>").prefix(2)
        #expect(cards.first?.contains("<figcaption>staff · 15 respondents</figcaption>\n<p>withheld: it is asked only of a group, "
            + "and its figures would give away a group of fewer than 5</p>") == true)
        #expect(cards.last?.contains("<figcaption>manager · 10 respondents</figcaption>\n<p>withheld: fewer than 5 answers or "
            + "comments to show, and it is or may be asked only of a group</p>") == true)
        // Nor does the question's heading give a count for it.
        #expect(!html.contains("legal_needs</code> · text · 0 answered"))
        #expect(html.contains("legal_needs</code> · text</p>"))
    }

    struct UnexpectedResult: Error {}
}
