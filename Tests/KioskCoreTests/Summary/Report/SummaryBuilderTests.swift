import KioskCore
import KioskTestSupport
import Testing

private typealias R = RecordBuilding

/// Builds a report from records with the staff-pulse questionnaire.
func buildReport(_ records: [JournalRecord], options: SummaryOptions = SummaryOptions(), questionnaires: [String: Questionnaire]? = nil) -> Report {
    var builder = SummaryBuilder(questionnaires: questionnaires ?? ["staff-pulse": RecordBuilding.staffPulse], options: options)
    for record in records { builder.add(record) }
    return builder.report()
}

extension Section {
    func question(_ id: String) -> QuestionResult? { questions.first { $0.id == id }?.result }
}

@Suite struct SummaryBuilderTests {
    @Test func npsThroughTheBuilderMatchesTheCheckVector() throws {
        // 15 promoters (9 and 10), 5 detractors (0..6) -> 50, [8.19, 78.77].
        let promoters: [JournalRecord] = (0..<15).map { R.record([("recommend", .number(9 + $0 % 2))]) }
        let detractors: [JournalRecord] = (0..<5).map { R.record([("recommend", .number($0))]) }
        let records = promoters + detractors
        let report = buildReport(records)
        guard case .nps(let nps)? = report.questionnaires.first?.overall.question("recommend") else {
            Issue.record("no NPS result")
            return
        }
        #expect(nps.respondentCount == 20)
        #expect(nps.score == 50)
        #expect(rounded2(nps.interval95.low) == 8.19 && rounded2(nps.interval95.high) == 78.77)
        #expect(nps.distribution.map(\.count) == [1, 1, 1, 1, 1, 0, 0, 0, 0, 8, 7])
        #expect(nps.promoterShare == 0.75 && nps.detractorShare == 0.25)
        #expect(nps.isSmallSample)
    }

    @Test func customBandsMoveTheScore() {
        // Bands 0-5 / 6-8 / 9-10: answers 6, 6, 9, 10 -> 2 passives, 2 promoters -> NPS 50.
        var questionnaire = RecordBuilding.staffPulse
        questionnaire.npsBands = NPSBands(detractorMax: 5, promoterMin: 9)
        let records: [JournalRecord] = [6, 6, 9, 10].map { R.record([("recommend", .number($0))]) }
        let report = buildReport(records, questionnaires: ["staff-pulse": questionnaire])
        guard case .nps(let nps)? = report.questionnaires.first?.overall.question("recommend") else {
            Issue.record("no NPS result")
            return
        }
        #expect(nps.passives == 2 && nps.score == 50)
        #expect(nps.bands.description == "detractors 0-5, passives 6-8, promoters 9-10")
    }

    @Test func scaleTopTwoBoxAndMean() {
        // 14 of 20 answer 4 or 5 (7 fours, 7 fives), 6 answer 2: top-2-box 70% [47.87%, 85.68%];
        // mean (7*4 + 7*5 + 6*2)/20 = 75/20 = 3.75.
        let values: [Int] = Array(repeating: 4, count: 7) + Array(repeating: 5, count: 7) + Array(repeating: 2, count: 6)
        let report = buildReport(values.map { R.record([("equipped", .number($0))]) })
        guard case .scale(let scale)? = report.questionnaires.first?.overall.question("equipped") else {
            Issue.record("no scale result")
            return
        }
        #expect(scale.mean == 3.75)
        #expect(scale.topTwoBox?.share == 0.7)
        #expect(scale.topTwoBox.map { rounded2($0.interval95.low * 100) } == 47.87)
        #expect(scale.topTwoBox.map { rounded2($0.interval95.high * 100) } == 85.68)
        #expect(scale.distribution.map(\.label) == ["1", "2", "3", "4", "5"])
        #expect(scale.distribution.first?.description == "Strongly disagree")
    }

    @Test func multiSharesAreOfRespondentsWhoAnswered() {
        // 4 respondents answered: CRM 3 (75%), Email 2 (50%), Chat 0; one skipped and is not in the base.
        let records: [JournalRecord] = [
            R.record([("tools", .list(["CRM", "Email"]))]), R.record([("tools", .list(["CRM"]))]),
            R.record([("tools", .list(["CRM", "Email"]))]), R.record([("tools", .list([]))]),
            R.record([("manager", .text("yes"))]),
        ]
        let report = buildReport(records)
        guard case .counts(let counts)? = report.questionnaires.first?.overall.question("tools") else {
            Issue.record("no counts")
            return
        }
        #expect(counts.kind == .multi && counts.respondentCount == 4)
        #expect(counts.categories.map(\.count) == [3, 2, 0])
        #expect(counts.categories.map(\.share) == [0.75, 0.5, 0])
    }

    @Test func choiceAndYesNoCounts() {
        let records: [JournalRecord] = [
            R.record([("team", .text("Sales")), ("manager", .text("yes"))]),
            R.record([("team", .text("Sales")), ("manager", .text("no"))]),
            R.record([("team", .text("Marketing")), ("manager", .text("no"))]),
        ]
        // A minimum group of 1 so the team segment's small counts are not withheld (see SegmentMaskingTests).
        let overall = buildReport(records, options: SummaryOptions(minGroup: 1)).questionnaires[0].overall
        guard case .counts(let team)? = overall.question("team"), case .counts(let manager)? = overall.question("manager") else {
            Issue.record("no counts")
            return
        }
        // Options first, in questionnaire order; an answer outside the options after them.
        #expect(team.categories.map(\.label) == ["Sales", "Service", "Warehouse", "Office", "Marketing"])
        #expect(team.categories.map(\.count) == [2, 0, 0, 0, 1])
        #expect(manager.categories.map(\.count) == [1, 2])
    }

    @Test func missingQuestionnaireIsInferredFromAnswersWithAWarning() {
        let records: [JournalRecord] = (0..<6).map { index in
            R.record(
                questionnaire: "old-survey",
                [
                    ("score", .number(index + 3)),
                    ("site", .text(index % 2 == 0 ? "North" : "South")),
                    ("comment", .text("comment number \(index) about the canteen food")),
                    ("perks", .list(index % 2 == 0 ? ["gym"] : ["gym", "bike"])),
                    ("remote", .text(index < 2 ? "yes" : "no")),
                ])
        }
        let report = buildReport(records)
        let summary = report.questionnaires[0]
        #expect(summary.isDefinitionMissing && summary.title == "old-survey")
        #expect(summary.notes.first?.contains("was not found") == true)
        let kinds = summary.overall.questions.map { "\($0.id):\($0.result.kindName)" }
        #expect(kinds == ["comment:text", "perks:multi", "remote:yesno", "score:scale", "site:choice"])
        #expect(summary.overall.questions.allSatisfy { $0.isInferred })
        if case .scale(let scale)? = summary.overall.question("score") {
            #expect(scale.minimum == 3 && scale.maximum == 8 && scale.topTwoBox == nil)
        } else {
            Issue.record("score was not a numeric distribution")
        }
    }

    @Test func severalVersionsAreNoted() {
        let records: [JournalRecord] = [R.record(version: "1", [("recommend", .number(9))]), R.record(version: "2", [("recommend", .number(3))])]
        let notes = buildReport(records).questionnaires[0].notes
        #expect(notes.contains { $0.contains("2 versions") && $0.contains("1, 2") })
    }

    @Test func emptyInputGivesAnEmptyReport() {
        let report = buildReport([])
        #expect(report.isEmpty)
    }

    @Test func answersOfTheWrongTypeAreLeftOutAndCounted() {
        let records: [JournalRecord] = [
            R.record([("recommend", .text("nine"))]), R.record([("recommend", .number(11))]), R.record([("recommend", .number(10))]),
        ]
        let summary = buildReport(records).questionnaires[0]
        #expect(summary.notes.contains("2 answer(s) did not fit their question's type or range and were left out."))
    }
}

@Suite struct BreakdownTests {
    /// Sales 7, Service 6, Warehouse 3, no answer 5 (min group 5).
    func records() -> [JournalRecord] {
        let sales: [JournalRecord] = (0..<7).map { _ in R.record([("recommend", .number(10)), ("team", .text("Sales"))]) }
        let service: [JournalRecord] = (0..<6).map { _ in R.record([("recommend", .number(8)), ("team", .text("Service"))]) }
        let warehouse: [JournalRecord] = (0..<3).map { _ in R.record([("recommend", .number(2)), ("team", .text("Warehouse"))]) }
        let noAnswer: [JournalRecord] = (0..<5).map { _ in R.record([("recommend", .number(9))]) }
        return sales + service + warehouse + noAnswer
    }

    @Test func oneSmallGroupTakesTheNextSmallestWithIt() throws {
        let report = buildReport(records(), options: SummaryOptions(groupBy: "team"))
        let breakdown = try #require(report.questionnaires[0].breakdown)
        let summary = breakdown.groups.map { "\($0.label):\($0.suppression?.rawValue ?? "shown")" }
        // Warehouse (3) is under 5; the next smallest is "(no answer)" (5), hidden with it. Service
        // (6) is hidden too: the overall section says 16 answered the team question, so with Sales
        // and Service shown Warehouse's 3 would be 16 - 7 - 6 (the rule over answered groups alone).
        #expect(summary == ["Sales:shown", "Service:complementary", "Warehouse:below_minimum", "(no answer):complementary"])
        #expect(breakdown.groups[1].section == nil && breakdown.groups[2].section == nil && breakdown.groups[3].section == nil)
        #expect(breakdown.groups[0].section?.respondentCount == 7)
        // The group's own question is not repeated inside the group.
        #expect(breakdown.groups[0].section?.questions.contains { $0.id == "team" } == false)
    }

    @Test func twoSmallGroupsOfFiveTogetherNeedNoExtraSuppression() {
        let suppressed = SuppressionRule.suppressed(sizes: ["A": 2, "B": 3, "C": 10, "D": 12], minGroup: 5)
        #expect(suppressed == ["A": .belowMinimum, "B": .belowMinimum])
    }

    @Test func smallGroupsOfFewerThanFiveTogetherTakeTheNextSmallest() {
        // 12 + 10 shown of 25 would leave A and B's 3 people to be worked out together.
        let suppressed = SuppressionRule.suppressed(sizes: ["A": 1, "B": 2, "C": 10, "D": 12], minGroup: 5)
        #expect(suppressed == ["A": .belowMinimum, "B": .belowMinimum, "C": .complementary])
    }

    @Test func nextSmallestTiesBreakByName() {
        let suppressed = SuppressionRule.suppressed(sizes: ["Zed": 6, "Amy": 6, "Tiny": 1], minGroup: 5)
        #expect(suppressed == ["Tiny": .belowMinimum, "Amy": .complementary])
    }

    @Test func noSuppressionWhenAllGroupsAreLargeEnough() {
        #expect(SuppressionRule.suppressed(sizes: ["A": 5, "B": 9], minGroup: 5).isEmpty)
    }

    @Test func commentsOfSuppressedGroupsAreNotInTheGroups() throws {
        let records: [JournalRecord] = records() + [R.record([("reason", .text("secret warehouse complaint")), ("team", .text("Warehouse"))])]
        let report = buildReport(records, options: SummaryOptions(groupBy: "team"))
        let breakdown = try #require(report.questionnaires[0].breakdown)
        for group in breakdown.groups where group.suppression != nil {
            #expect(group.section == nil)
        }
    }

    @Test func breakdownByATextQuestionIsRefused() {
        let report = buildReport(records(), options: SummaryOptions(groupBy: "reason"))
        #expect(report.questionnaires[0].breakdown == nil)
        #expect(report.questionnaires[0].notes.contains { $0.contains("is a text question") })
    }
}

@Suite struct TrendTests {
    @Test func isoWeeksAndMonths() {
        // 2026-01-01 is a Thursday, so ISO week 1 of 2026 starts on Monday 2025-12-29 and 2026
        // has 53 weeks; 2026-11-23 is a Monday, 329 days = 47 weeks after 2025-12-29: W48.
        #expect(TrendPeriod.week.key(date: "2026-11-23", session: nil) == "2026-W48")
        #expect(TrendPeriod.week.key(date: "2025-12-29", session: nil) == "2026-W01")
        #expect(TrendPeriod.week.key(date: "2027-01-01", session: nil) == "2026-W53")
        #expect(TrendPeriod.week.key(date: "2027-01-04", session: nil) == "2027-W01")
        // 2021-01-03 is a Sunday in the last week (53) of ISO year 2020.
        #expect(TrendPeriod.week.key(date: "2021-01-03", session: nil) == "2020-W53")
        #expect(TrendPeriod.month.key(date: "2026-11-23", session: nil) == "2026-11")
        #expect(TrendPeriod.month.key(date: "2026-13-01", session: nil) == nil)
        #expect(TrendPeriod.session.key(date: "", session: nil) == Trend.noSessionLabel)
    }

    @Test func monthlyTrendWithSignificantChangeAndSuppressedMonth() throws {
        // October: 15 promoters, 5 detractors (NPS 50); November: 20 promoters (NPS 100):
        // z = 2.17 > 1.96 (see NPSStatisticsTests). December: 2 answers, suppressed, and with it
        // the next smallest month (October, 20 < 20? no: tie broken by name "2026-10" < "2026-11").
        let octoberPromoters: [JournalRecord] = (0..<15).map { _ in R.record(date: "2026-10-05", [("recommend", .number(10))]) }
        let octoberDetractors: [JournalRecord] = (0..<5).map { _ in R.record(date: "2026-10-06", [("recommend", .number(0))]) }
        let october = octoberPromoters + octoberDetractors
        let november: [JournalRecord] = (0..<20).map { _ in R.record(date: "2026-11-23", [("recommend", .number(9))]) }
        let report = buildReport(october + november, options: SummaryOptions(trend: .month))
        let trend = try #require(report.questionnaires[0].trends.first)
        #expect(trend.points.map(\.period) == ["2026-10", "2026-11"])
        let change = try #require(trend.points[1].change)
        #expect(change.fromPeriod == "2026-10" && change.difference == 50 && change.isSignificant)
        #expect(rounded2(change.z) == 2.17)

        let december: [JournalRecord] = (0..<2).map { _ in R.record(date: "2026-12-01", [("recommend", .number(9))]) }
        let withDecember = buildReport(october + november + december, options: SummaryOptions(trend: .month))
        let points = try #require(withDecember.questionnaires[0].trends.first).points
        #expect(points.map { $0.suppression?.rawValue ?? "shown" } == ["complementary", "shown", "below_minimum"])
        #expect(points[1].change == nil)
    }

    @Test func sessionsAreOrderedByTheirFirstDay() throws {
        let late: [JournalRecord] = (0..<5).map { _ in R.record(date: "2026-11-20", session: "b-late", [("recommend", .number(9))]) }
        let early: [JournalRecord] = (0..<5).map { _ in R.record(date: "2026-11-01", session: "z-early", [("recommend", .number(5))]) }
        let records = late + early
        let trend = try #require(buildReport(records, options: SummaryOptions(trend: .session)).questionnaires[0].trends.first)
        #expect(trend.points.map(\.period) == ["z-early", "b-late"])
        #expect(trend.points[1].change?.difference == 200)
    }
}

@Suite struct CommentSuppressionTests {
    @Test func groupsWithFewCommentersShowCountsButNoQuotes() throws {
        // Sales: 7 respondents, 3 comments (< 5): counts only. Warehouse: 5 comments, withheld
        // too, or the overall themes less Service's would be Sales's 3. Service: 6 comments: themes.
        func group(_ team: String, _ size: Int, comments: Int, _ comment: String) -> [JournalRecord] {
            (0..<size).map { index in
                R.record(id: "\(team)\(index)", [("team", .text(team))] + (index < comments ? [("reason", .text("\(comment) \(index)"))] : []))
            }
        }
        let records = group("Sales", 7, comments: 3, "pay was cut") + group("Service", 6, comments: 6, "slow laptop again")
            + group("Warehouse", 5, comments: 5, "slow laptop here")
        let report = buildReport(records, options: SummaryOptions(groupBy: "team"))
        let groups = try #require(report.questionnaires[0].breakdown).groups
        func text(_ label: String) throws -> TextSummary {
            guard case .text(let text)? = groups.first(where: { $0.label == label })?.section?.question("reason") else { throw NoText() }
            return text
        }
        #expect(try text("Sales").commenterCount == 3 && text("Sales").themes.isEmpty && text("Sales").commentsSuppression == .belowMinimum)
        #expect(try text("Warehouse").commenterCount == 5 && text("Warehouse").themes.isEmpty
            && text("Warehouse").commentsSuppression == .complementary)
        #expect(try text("Service").commentsSuppression == nil && !text("Service").themes.isEmpty)
        let rendered = TextReportRenderer().render(report)
        #expect(rendered.contains("3 commented; themes and quotes withheld: too few commenters in this group"))
        #expect(rendered.contains("5 commented; themes and quotes withheld, so that a smaller group's cannot be worked out from the overall ones"))
    }

    struct NoText: Error {}

    @Test func aTinyTotalIsFlagged() {
        let report = buildReport([R.record([("recommend", .number(9))])])
        #expect(report.questionnaires[0].notes.contains { $0.hasPrefix("Only 1 response(s)") })
    }
}
