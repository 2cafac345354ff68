import Foundation
import KioskCore
import KioskTestSupport
import Testing

private typealias R = RecordBuilding

/// Records whose hostile text reaches every place a renderer prints respondent text: a theme
/// quote and label, a choice label (of an inferred question), a group label and a session tag.
func hostileRecords() -> [JournalRecord] {
    let hostile = RenderingFixtures.hostile
    var records: [JournalRecord] = []
    for index in 0..<6 {
        records.append(
            R.record(
                session: "=cmd|' /C calc'!A0 \u{202E}", id: "h\(index)",
                [
                    ("recommend", .number(index < 3 ? 10 : 2)),
                    ("reason", .text("laptop broken again " + hostile + " \(index)")),
                    ("team", .text(hostile)),
                ]))
        records.append(
            R.record(
                questionnaire: "unknown", id: "u\(index)",
                [("site", .text(index % 2 == 0 ? hostile : "-1+1")), ("remark", .text("@SUM(1) \u{1B}]0;title\u{7} laptop broken"))]))
    }
    return records
}

@Suite struct ReportRendererTests {
    let hostileReport = RenderingFixtures.report(hostileRecords(), options: SummaryOptions(groupBy: "team", trend: .session))

    @Test func hostileTextNeverReachesATerminal() {
        let output = TextReportRenderer().render(hostileReport)
        #expect(!output.unicodeScalars.contains { $0 != "\n" && UntrustedText.isDangerous($0) })
        #expect(output.contains("<U+202E>"))
        #expect(output.contains("<U+001B>"))
        // The quote did make it into the report, escaped.
        #expect(output.contains("laptop broken again =HYPERLINK"))
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!TextReportRenderer(useColour: false).render(hostileReport).contains("\u{1B}"))
        #expect(TextReportRenderer(useColour: true).render(hostileReport).contains("\u{1B}[1m"))
    }

    @Test func markdownHasNoLiveHTMLAndNoExtraTableCells() {
        let output = MarkdownReportRenderer().render(hostileReport)
        #expect(!output.contains("<"))
        #expect(output.contains("&lt;script&gt;"))
        #expect(!output.unicodeScalars.contains { $0 != "\n" && UntrustedText.isDangerous($0) })
        // Every table row has exactly as many unescaped pipes as its header.
        for line in output.split(separator: "\n") where line.hasPrefix("|") {
            let unescapedPipes = line.indices.filter { index in
                line[index] == "|" && (index == line.startIndex || line[line.index(before: index)] != "\\")
            }.count
            #expect(unescapedPipes == 4 || unescapedPipes == 6, "\(line)")
        }
    }

    @Test func csvCellsNeverStartFormulasAndNumbersStayNumbers() throws {
        let output = CSVReportRenderer().render(hostileReport)
        let rows = try parseCSV(output)
        #expect(rows.first == ["questionnaire", "group", "question", "metric", "category", "value"])
        for row in rows.dropFirst() {
            #expect(row.count == 6, "\(row)")
            for cell in row.dropLast() {
                let first = cell.first { $0 != " " }
                #expect(first.map { !"=+-@\t\r".contains($0) } ?? true, "\(row)")
            }
            #expect(Double(row[5]) != nil, "\(row)")
        }
        // A negative score stays a plain number in the value column.
        #expect(rows.contains { $0[3] == "ci95_low" && $0[5].hasPrefix("-") })
        #expect(!output.unicodeScalars.contains { $0 != "\n" && $0 != "\r" && UntrustedText.isDangerous($0) })
    }

    @Test func jsonIsValidAndRoundTripsHostileText() throws {
        let output = JSONReportRenderer().render(hostileReport)
        #expect(!output.unicodeScalars.contains { $0 != "\n" && UntrustedText.isDangerous($0) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let questionnaires = try #require(object["questionnaires"] as? [[String: Any]])
        let unknown = try #require(questionnaires.first { $0["id"] as? String == "unknown" })
        let overall = try #require(unknown["overall"] as? [String: Any])
        let questions = try #require(overall["questions"] as? [[String: Any]])
        let site = try #require(questions.first { $0["id"] as? String == "site" })
        let options = try #require(site["options"] as? [[String: Any]])
        #expect(options.contains { $0["label"] as? String == RenderingFixtures.hostile })
    }

    @Test func jsonNPSFieldsFollowTheSchema() throws {
        // 15 promoters and 5 detractors: the design's check vector.
        let promoters: [JournalRecord] = (0..<15).map { R.record(id: "p\($0)", [("recommend", .number(10))]) }
        let detractors: [JournalRecord] = (0..<5).map { R.record(id: "d\($0)", [("recommend", .number(4))]) }
        let output = JSONReportRenderer().render(RenderingFixtures.report(promoters + detractors, options: SummaryOptions()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == JSONReportRenderer.schemaVersion)
        #expect(JSONReportRenderer.schemaVersion == 2)
        let questionnaire = try #require((object["questionnaires"] as? [[String: Any]])?.first)
        let questions = try #require((questionnaire["overall"] as? [String: Any])?["questions"] as? [[String: Any]])
        let nps = try #require(questions.first { $0["type"] as? String == "nps" })
        #expect(nps["n"] as? Int == 20)
        #expect(nps["score"] as? Double == 50)
        #expect(nps["promoters"] as? Int == 15)
        #expect(nps["passives"] as? Int == 0)
        #expect(nps["detractors"] as? Int == 5)
        #expect(nps["ci95"] as? [Double] == [8.19, 78.77])
        #expect(output.contains("\"ci95\": [8.19, 78.77]"))
    }

    @Test func sameRecordsInAnyOrderGiveTheSameBytes() {
        let records = RenderingFixtures.records() + hostileRecords()
        let options = SummaryOptions(groupBy: "team", trend: .week)
        let expected = ReportFormat.allCases.map { $0.renderer().render(RenderingFixtures.report(records, options: options)) }
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<4 {
            let shuffled = records.shuffled(using: &generator)
            let rendered = ReportFormat.allCases.map { $0.renderer().render(RenderingFixtures.report(shuffled, options: options)) }
            #expect(rendered == expected)
        }
    }

    @Test func emptyInputSaysSoInEveryFormat() throws {
        let report = RenderingFixtures.report([])
        #expect(TextReportRenderer().render(report) == Report.noResponsesMessage + "\n")
        #expect(MarkdownReportRenderer().render(report).contains(Report.noResponsesMessage))
        #expect(CSVReportRenderer().render(report) == CSVReportRenderer.header + "\r\n")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReportRenderer().render(report).utf8)) as? [String: Any])
        #expect(object["empty"] as? Bool == true)
        #expect(object["message"] as? String == Report.noResponsesMessage)
    }

    @Test func suppressedGroupsShowNoFiguresInAnyFormat() {
        // Sales 7, Warehouse 3 (hidden), Service 6 and no answer 5 (hidden with it).
        let records = BreakdownTests().records()
        let report = RenderingFixtures.report(records, options: SummaryOptions(groupBy: "team"))
        let text = TextReportRenderer().render(report)
        #expect(text.contains("[Warehouse] suppressed: fewer than 5 respondents"))
        #expect(text.contains("[(no answer)] suppressed so that a smaller hidden group cannot be worked out from the total"))
        let csv = CSVReportRenderer().render(report)
        #expect(csv.contains("staff-pulse,team=Warehouse,,suppressed,below_minimum,1"))
        #expect(!csv.contains("team=Warehouse,recommend"))
        #expect(csv.contains("staff-pulse,team=Service,,suppressed,complementary,1"))
    }

    @Test func textReportShowsBandsIntervalAndSmallSampleNote() {
        let promoters: [JournalRecord] = (0..<15).map { R.record(id: "p\($0)", [("recommend", .number(10))]) }
        let detractors: [JournalRecord] = (0..<5).map { R.record(id: "d\($0)", [("recommend", .number(4))]) }
        let text = TextReportRenderer().render(RenderingFixtures.report(promoters + detractors, options: SummaryOptions()))
        #expect(text.contains("NPS +50.0  95% CI +8.2 to +78.8  n = 20"))
        #expect(text.contains("bands: detractors 0-6, passives 7-8, promoters 9-10"))
        #expect(text.contains("Fewer than 30 answers"))
    }
}

/// A strict RFC 4180 reader for the tests: CRLF rows, quoted cells with doubled quotes.
func parseCSV(_ text: String) throws -> [[String]] {
    struct MalformedCSV: Error {}
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var inQuotes = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
        if inQuotes {
            if character == "\"" {
                if characters.first == "\"" {
                    cell.append("\"")
                    characters.removeFirst()
                } else {
                    inQuotes = false
                }
            } else {
                cell.append(character)
            }
        } else if character == "\"" {
            guard cell.isEmpty else { throw MalformedCSV() }
            inQuotes = true
        } else if character == "," {
            row.append(cell)
            cell = ""
        } else if character == "\r\n" || character == "\n" {
            row.append(cell)
            rows.append(row)
            row = []
            cell = ""
        } else {
            cell.append(character)
        }
    }
    guard !inQuotes, row.isEmpty, cell.isEmpty else { throw MalformedCSV() }
    return rows
}
