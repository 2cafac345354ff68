import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// How each format shows a segment's withheld options: teams Sales 7, Service 6 (withheld with
/// the small one), Support functions 3 (fewer than 5), Office 0; the ordinary `site` question
/// keeps North 12, South 3, East 1. Assertions are on the rows of the options concerned, since
/// small numbers such as 3 and 6 occur elsewhere in any report.
@Suite struct SegmentMaskingRenderingTests {
    let report = SegmentFixture.report(options: SummaryOptions(trend: .session))

    /// The lines of the text report from the question's heading to the next blank line.
    func textBlock(_ output: String, question id: String) -> [Substring] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.contains("[" + id + ", ") }) else { return [] }
        return Array(lines[start...].prefix { !$0.isEmpty })
    }

    @Test func text() throws {
        let block = textBlock(TextReportRenderer().render(report), question: "team")
        let sales = try #require(block.first { $0.hasPrefix("  Sales ") })
        let service = try #require(block.first { $0.hasPrefix("  Service ") })
        let support = try #require(block.first { $0.hasPrefix("  Support functions ") })
        #expect(sales.hasSuffix(" 7  43.8%") && sales.contains("█"))
        #expect(service == "  Service" + String(repeating: " ", count: 40) + "withheld")
        #expect(support == "  Support functions" + String(repeating: " ", count: 26) + "fewer than 5")
        #expect(block.contains { $0.hasPrefix("  Office ") && $0.hasSuffix(" 0   0.0%") })
        #expect(block.last?.contains("Options chosen by fewer than 5 respondents show no count; the one marked “withheld”") == true)
        #expect(block.contains("  n = 16"))

        let site = textBlock(TextReportRenderer().render(report), question: "site")
        #expect(site.contains { $0.hasPrefix("  South ") && $0.hasSuffix(" 3  18.8%") })
        #expect(site.contains { $0.hasPrefix("  East ") && $0.hasSuffix(" 1   6.3%") })
        #expect(!site.contains { $0.contains("fewer than") || $0.contains("withheld") })
    }

    @Test func markdown() {
        let lines = MarkdownReportRenderer().render(report).split(separator: "\n")
        #expect(lines.contains("| Sales | 7 | 43.8% |"))
        #expect(lines.contains("| Service | withheld | |"))
        #expect(lines.contains("| Support functions | fewer than 5 | |"))
        #expect(lines.contains("| Office | 0 | 0.0% |"))
        #expect(!lines.contains { $0.hasPrefix("| Service |") && $0 != "| Service | withheld | |" })
        #expect(!lines.contains { $0.hasPrefix("| Support functions |") && $0 != "| Support functions | fewer than 5 | |" })
        #expect(lines.contains("| South | 3 | 18.8% |"))
    }

    @Test func csv() throws {
        let rows = try parseCSV(CSVReportRenderer().render(report))
        let team = rows.filter { $0[2] == "team" }
        #expect(team.filter { $0[4] == "Service" } == [["pulse", "all", "team", "suppressed_complementary", "Service", ""]])
        #expect(team.filter { $0[4] == "Support functions" } == [["pulse", "all", "team", "suppressed_below_minimum", "Support functions", ""]])
        #expect(team.filter { $0[4] == "Sales" }.map { [$0[3], $0[5]] } == [["count", "7"], ["share", "0.4375"]])
        #expect(rows.filter { $0[2] == "site" && $0[4] == "South" }.map { [$0[3], $0[5]] } == [["count", "3"], ["share", "0.1875"]])
        // Every value is a number except on the rows that stand for withheld options.
        for row in rows.dropFirst() where !row[3].hasPrefix("suppressed_") { #expect(Double(row[5]) != nil, "\(row)") }
    }

    @Test func json() throws {
        let output = JSONReportRenderer().render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let questionnaire = try #require((object["questionnaires"] as? [[String: Any]])?.first)
        let questions = try #require((questionnaire["overall"] as? [String: Any])?["questions"] as? [[String: Any]])
        let team = try #require(questions.first { $0["id"] as? String == "team" })
        #expect(team["answered"] as? Int == 16 && team["n"] as? Int == 16)
        let options = try #require(team["options"] as? [[String: Any]])
        func option(_ label: String) throws -> [String: Any] { try #require(options.first { $0["label"] as? String == label }) }
        for (label, reason) in [("Service", "complementary"), ("Support functions", "below_minimum")] {
            let withheld = try option(label)
            #expect(withheld["count"] is NSNull && withheld["share"] is NSNull)
            #expect(withheld["suppressed"] as? String == reason)
        }
        #expect(try option("Sales")["count"] as? Int == 7)
        #expect(try option("Sales")["suppressed"] is NSNull)
        #expect(try option("Office")["count"] as? Int == 0)
        #expect(output.contains("{\n                \"label\": \"Support functions\",\n                \"count\": null,\n                \"share\": null,\n"
            + "                \"suppressed\": \"below_minimum\"\n              }"))
        // NPS and scale distributions are unchanged: no `suppressed` key.
        let nps = try #require(questions.first { $0["id"] as? String == "recommend" })
        #expect((nps["distribution"] as? [[String: Any]])?.allSatisfy { $0["suppressed"] == nil } == true)
    }

    @Test func html() throws {
        let output = HTMLReportRenderer().render(report)
        let descriptions = output.split(separator: "\n").filter { $0.hasPrefix("<desc") && $0.contains("Support functions") }
        #expect(descriptions.count == 1)
        #expect(descriptions.first?.contains("Sales: 7 (43.8%); Service: withheld; Support functions: fewer than 5; Office: 0 (0.0%).") == true)
        // The rows: an empty hatched track with the words, no bar and no figure.
        let chart = try #require(output.components(separatedBy: "<title id=\"chart-3-title\">").dropFirst().first?
            .components(separatedBy: "</svg>").first)
        #expect(chart.contains("<text x=\"212\" y=\"68.4\" font-size=\"12.5\" fill=\"#1A1A1A\" text-anchor=\"end\">Support functions</text>\n"
            + "<rect x=\"218\" y=\"55\" width=\"314\" height=\"18\" fill=\"url(#chart-3-withheld)\" class=\"withheld\"/>\n"
            + "<text x=\"223\" y=\"68.4\" font-size=\"12.5\" fill=\"#4D4D4D\">fewer than 5</text>\n"))
        #expect(chart.contains(">withheld</text>"))
        #expect(chart.components(separatedBy: "class=\"withheld\"").count - 1 == 2)
        #expect(chart.contains("<pattern id=\"chart-3-withheld\""))
        #expect(!chart.contains("(18.8%)") && !chart.contains("(37.5%)"))
        #expect(output.contains("<p class=\"meta\">Options chosen by fewer than 5 respondents show no count;"))
        // Charts without a withheld option have no pattern.
        #expect(output.components(separatedBy: "-withheld\" width=").count - 1 == 1)
    }

    @Test func insideABreakdownGroupEveryFormatMasksBySizeOfTheGroup() throws {
        // --by site with a minimum of 4: North (12) is shown, South 3 and East 1 are not; in
        // North the team segment is Sales 6, Service 5, Support functions 1 (fewer than 4), and
        // every count but that one is "withheld", since one is.
        let report = SegmentFixture.report(options: SummaryOptions(minGroup: 4, groupBy: "site"))
        let text = TextReportRenderer().render(report)
        let north = try #require(text.components(separatedBy: "[North] 12 respondents").dropFirst().first)
        #expect(north.contains("    Support functions" + String(repeating: " ", count: 26) + "fewer than 4\n"))
        #expect(north.contains("    Service" + String(repeating: " ", count: 40) + "withheld\n"))
        #expect(north.contains("    Sales" + String(repeating: " ", count: 42) + "withheld\n"))
        let rows = try parseCSV(CSVReportRenderer().render(report))
        #expect(rows.filter { $0[1] == "site=North" && $0[2] == "team" && ["Service", "Support functions"].contains($0[4]) }.map { $0[3] }
            == ["suppressed_complementary", "suppressed_below_minimum"])
        // The --by question itself is masked in the overall section.
        #expect(rows.filter { $0[1] == "all" && $0[2] == "site" && ["South", "East"].contains($0[4]) }.map { $0[3] }
            == ["suppressed_below_minimum", "suppressed_below_minimum"])
        #expect(MarkdownReportRenderer().render(report).contains("| South | fewer than 4 | |\n| East | fewer than 4 | |"))
    }

    @Test func suppressedPeriodsShowNoSizeAnywhere() throws {
        // Sessions: "offsite" has 4 respondents (hidden), "breakroom" 12 (hidden with it).
        let text = TextReportRenderer().render(report)
        #expect(text.split(separator: "\n").filter { $0.contains("offsite") }
            == ["16 responses · 2026-11-23 · version 1 · sessions breakroom, offsite", "  offsite    suppressed: fewer than 5 respondents"])
        let rows = try parseCSV(CSVReportRenderer().render(report))
        #expect(rows.filter { $0.contains("offsite") || $0.contains("breakroom") }.map { $0[3] + "=" + $0[5] }
            == ["trend_session_suppressed=1", "trend_session_suppressed=1"])
        let json = JSONReportRenderer().render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let trend = try #require(((object["questionnaires"] as? [[String: Any]])?.first?["trends"] as? [[String: Any]])?.first)
        for point in try #require(trend["points"] as? [[String: Any]]) {
            #expect(point["nps"] is NSNull && point["change"] is NSNull)
        }
        let html = HTMLReportRenderer().render(report)
        #expect(!html.contains("n = 4") && !html.contains("n = 12"))
        #expect(MarkdownReportRenderer().render(report).split(separator: "\n").filter { $0.contains("offsite") }
            == ["16 responses · 2026-11-23 · version 1 · sessions breakroom, offsite", "| offsite | | suppressed: fewer than 5 respondents | | |"])
    }

    @Test func sameRecordsInAnyOrderGiveTheSameBytes() {
        let records = SegmentFixture.records(extra: [("Office", 2)])
        for options in [SummaryOptions(), SummaryOptions(groupBy: "site", trend: .session)] {
            let expected = ReportFormat.allCases.map { $0.renderer().render(SegmentFixture.report(records, options: options)) }
            var generator = SeededGenerator(seed: 3)
            for _ in 0..<3 {
                let shuffled = records.shuffled(using: &generator)
                #expect(ReportFormat.allCases.map { $0.renderer().render(SegmentFixture.report(shuffled, options: options)) } == expected)
            }
        }
    }
}
