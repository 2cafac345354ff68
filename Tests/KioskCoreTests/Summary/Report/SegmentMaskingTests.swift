import KioskCore
import KioskTestSupport
import Testing

private typealias R = RecordBuilding

/// A questionnaire with a segment (`team`), an ordinary choice (`site`) and a yes/no.
enum SegmentFixture {
    static let questionnaire = Questionnaire(
        id: "pulse", title: "Pulse",
        questions: [
            Question(id: "recommend", prompt: "Would you recommend us?", kind: .nps(labels: [:])),
            Question(id: "team", prompt: "Which team are you in?", kind: .choice(options: ["Sales", "Service", "Support functions", "Office"], isSegment: true)),
            Question(id: "site", prompt: "Where do you work?", kind: .choice(options: ["North", "South", "East"], isSegment: false)),
            Question(id: "manager", prompt: "Do you manage people?", kind: .yesno),
        ])

    /// Teams Sales 7, Service 6, Support functions 3, `extra` more; sites North 12, South 3, East 1
    /// (one per team in the south, the Support functions person in the east); managers 6 yes;
    /// sessions "offsite" 4 (every fourth), "breakroom" 12.
    static func records(extra: [(team: String, count: Int)] = []) -> [JournalRecord] {
        var teams: [String] = Array(repeating: "Sales", count: 7) + Array(repeating: "Service", count: 6)
            + Array(repeating: "Support functions", count: 3)
        for (team, count) in extra { teams += Array(repeating: team, count: count) }
        return teams.enumerated().map { index, team in
            let site = index == 0 || index == 7 || index == 13 ? "South" : index == 14 ? "East" : "North"
            return R.record(
                questionnaire: "pulse", session: index % 4 == 0 ? "offsite" : "breakroom", id: "s\(index)",
                [
                    ("recommend", .number(index % 3 == 0 ? 4 : 9)), ("team", .text(team)), ("site", .text(site)),
                    ("manager", .text(index % 3 == 0 ? "yes" : "no")),
                ])
        }
    }

    static func report(_ records: [JournalRecord] = records(), options: SummaryOptions = SummaryOptions()) -> Report {
        var builder = SummaryBuilder(questionnaires: ["pulse": questionnaire], options: options)
        for record in records { builder.add(record) }
        return builder.report()
    }
}

extension CountsSummary {
    /// `label: count` for shown options, `label: reason` for withheld ones.
    var masking: [String] {
        categories.map { "\($0.label): " + ($0.suppression?.rawValue ?? String($0.count)) }
    }
}

@Suite struct SegmentMaskingTests {
    func counts(_ id: String, in section: Section?) throws -> CountsSummary {
        guard case .counts(let counts)? = section?.question(id) else { throw MissingCounts() }
        return counts
    }

    struct MissingCounts: Error {}

    @Test func aSmallSegmentOptionTakesTheNextSmallestWithIt() throws {
        let report = SegmentFixture.report()
        let team = try counts("team", in: report.questionnaires[0].overall)
        // 7, 6, 3: 3 is under 5; 6 is the next-smallest, hidden so 3 is not 16 - 7 - 6. Office (0) stays 0.
        #expect(team.masking == ["Sales: 7", "Service: complementary", "Support functions: below_minimum", "Office: 0"])
        #expect(team.respondentCount == 16)
        #expect(team.categories[0].share == 7.0 / 16)
        for withheld in team.categories where withheld.suppression != nil {
            #expect(withheld.count == 0 && withheld.share == 0)
        }
        #expect(team.hasSuppressedCategories)
    }

    @Test func twoSmallSegmentOptionsAreHiddenAndNothingElse() throws {
        let report = SegmentFixture.report(SegmentFixture.records(extra: [("Office", 2)]))
        let team = try counts("team", in: report.questionnaires[0].overall)
        #expect(team.masking == ["Sales: 7", "Service: 6", "Support functions: below_minimum", "Office: below_minimum"])
    }

    @Test func anOrdinaryChoiceKeepsItsSmallCounts() throws {
        let report = SegmentFixture.report()
        let site = try counts("site", in: report.questionnaires[0].overall)
        #expect(site.masking == ["North: 12", "South: 3", "East: 1"])
        #expect(!site.hasSuppressedCategories)
    }

    @Test func theByQuestionIsMaskedEvenWhenItIsNoSegment() throws {
        // South 3 and East 1 are 4 together, which 16 - 12 would give: North is hidden too.
        let report = SegmentFixture.report(options: SummaryOptions(groupBy: "site"))
        let summary = report.questionnaires[0]
        let site = try counts("site", in: summary.overall)
        #expect(site.masking == ["North: complementary", "South: below_minimum", "East: below_minimum"])
        let groups = try #require(summary.breakdown).groups
        #expect(groups.map { "\($0.label):\($0.suppression?.rawValue ?? "shown")" } == ["North:complementary", "South:below_minimum", "East:below_minimum"])

        // With a minimum of 4, South and East are enough together and North is shown.
        let byFour = SegmentFixture.report(options: SummaryOptions(minGroup: 4, groupBy: "site")).questionnaires[0]
        #expect(try counts("site", in: byFour.overall).masking == ["North: 12", "South: below_minimum", "East: below_minimum"])
        let fourGroups = try #require(byFour.breakdown).groups
        #expect(fourGroups.map { "\($0.label):\($0.suppression?.rawValue ?? "shown")" } == ["North:shown", "South:below_minimum", "East:below_minimum"])
        // Inside the North group (12), the team segment is masked by the group's own counts:
        // Sales 6, Service 5, Support functions 1 -> 1 under 4, Service (5) hidden with it; and
        // since something of it is withheld, every other count is too (the groups' sizes and
        // the overall counts would otherwise pin down the withheld ones).
        let north = try counts("team", in: fourGroups[0].section)
        #expect(north.masking == ["Sales: complementary", "Service: complementary", "Support functions: below_minimum", "Office: complementary"])
    }

    @Test func aYesNoByQuestionIsMaskedToo() throws {
        let records = (0..<16).map { R.record(questionnaire: "pulse", id: "m\($0)", [("manager", .text($0 == 0 ? "yes" : "no"))]) }
        // yes 1, no 15: the lone small "yes" takes "no" with it.
        let report = SegmentFixture.report(records, options: SummaryOptions(groupBy: "manager"))
        let manager = try counts("manager", in: report.questionnaires[0].overall)
        #expect(manager.masking == ["yes: below_minimum", "no: complementary"])
        #expect(report.questionnaires[0].breakdown?.groups.allSatisfy { $0.section == nil } == true)
        // Without --by, a yes/no question is no dimension and keeps its counts.
        let plain = try counts("manager", in: SegmentFixture.report(records).questionnaires[0].overall)
        #expect(plain.masking == ["yes: 1", "no: 15"])
    }

    @Test func breakdownHidesWhatTheByQuestionsDistributionHides() throws {
        // Teams 7, 6, 3 and 5 without an answer: by the groups alone "(no answer)" would be the
        // complementary one and Service (6) shown, but the distribution's answered total (16)
        // minus Sales and Service would give Support functions away, so Service is hidden too.
        let records = SegmentFixture.records() + (0..<5).map { R.record(questionnaire: "pulse", id: "n\($0)", [("recommend", .number(8))]) }
        let summary = SegmentFixture.report(records, options: SummaryOptions(groupBy: "team")).questionnaires[0]
        let team = try counts("team", in: summary.overall)
        #expect(team.masking == ["Sales: 7", "Service: complementary", "Support functions: below_minimum", "Office: 0"])
        let groups = try #require(summary.breakdown).groups
        #expect(groups.map { "\($0.label):\($0.suppression?.rawValue ?? "shown")" }
            == ["Sales:shown", "Service:complementary", "Support functions:below_minimum", "(no answer):complementary"])
    }

    @Test func suppressedGroupsRuleMergesBothViews() {
        let rule = SuppressionRule.suppressedGroups(
            answered: ["A": 7, "B": 6, "C": 3], noAnswer: ("(no answer)", 5), minGroup: 5)
        #expect(rule == ["C": .belowMinimum, "(no answer)": .complementary, "B": .complementary])
        // Without skips it is the plain rule.
        #expect(SuppressionRule.suppressedGroups(answered: ["A": 7, "B": 6, "C": 3], noAnswer: ("(no answer)", 0), minGroup: 5)
            == SuppressionRule.suppressed(sizes: ["A": 7, "B": 6, "C": 3], minGroup: 5))
    }

    @Test func tiesForTheComplementaryOptionBreakByLabelAsForGroups() throws {
        // Sales 7 and Service 7 tie as the next-smallest after Support functions (3): "Sales" < "Service".
        let report = SegmentFixture.report(SegmentFixture.records(extra: [("Service", 1)]))
        let team = try counts("team", in: report.questionnaires[0].overall)
        #expect(team.masking == ["Sales: complementary", "Service: 7", "Support functions: below_minimum", "Office: 0"])
        #expect(SuppressionRule.suppressed(sizes: ["Sales": 7, "Service": 7, "Support functions": 3], minGroup: 5)["Sales"] == .complementary)
    }
}
