import KioskCore
import KioskTestSupport
import Testing

private typealias R = RecordBuilding

/// Payloads that would run script or break out of an element or attribute if written raw.
private let payloads = [
    "<script>alert(1)</script>",
    "</svg><script>alert(2)</script>",
    "\" onmouseover=\"x",
    "' onload='x",
    "&amp; already escaped",
]

/// Staff-pulse responses without hostile text: three teams over two months, with comments.
private func plainRecords() -> [JournalRecord] {
    let comments = ["The CRM system is slow", "Not enough staff on the late shift", "Too many meetings", "Good training"]
    return (0..<30).map { index in
        R.record(
            date: index < 15 ? "2026-10-0\(1 + index % 9)" : "2026-11-1\(index % 10)", id: "c\(index)",
            [
                ("recommend", .number([10, 9, 7, 3, 9, 8, 6, 10, 2, 9][index % 10])),
                ("reason", .text(comments[index % comments.count])),
                ("equipped", .number(1 + index % 5)),
                ("tools", .list(index % 3 == 0 ? ["CRM", "Email"] : ["Chat"])),
                ("manager", .text(index % 4 == 0 ? "yes" : "no")),
                ("team", .text(["Sales", "Service", "Office"][index % 3])),
            ])
    }
}

/// Every payload as a comment, a group label, a session tag and an answer of an unknown questionnaire.
private func payloadRecords() -> [JournalRecord] {
    var records: [JournalRecord] = []
    for (index, payload) in payloads.enumerated() {
        for copy in 0..<5 {
            records.append(
                R.record(
                    session: payload, id: "p\(index)-\(copy)",
                    [
                        ("recommend", .number(copy < 3 ? 9 : 4)),
                        ("reason", .text("laptop " + payload + " \(copy)")),
                        ("barriers", .list([payload])),
                        ("team", .text(payload)),
                    ]))
            records.append(R.record(questionnaire: "unknown " + payload, id: "u\(index)-\(copy)", [("site", .text(payload))]))
        }
    }
    return records
}

/// The opening and closing tags of `html`, in order. Text never contains `<` (it is escaped),
/// so every `<` starts a tag.
private func tags(_ html: String) -> [Substring] {
    var result: [Substring] = []
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
        guard let close = rest[open...].firstIndex(of: ">") else { break }
        result.append(rest[open...close])
        rest = rest[rest.index(after: close)...]
    }
    return result
}

@Suite struct HTMLReportRendererTests {
    let renderer = HTMLReportRenderer()
    let plain = HTMLReportRenderer().render(RenderingFixtures.report(plainRecords(), options: SummaryOptions(groupBy: "team", trend: .month)))
    let hostile = HTMLReportRenderer().render(
        RenderingFixtures.report(payloadRecords() + hostileRecords(), options: SummaryOptions(groupBy: "team", trend: .session)))

    @Test func documentIsSelfContainedAndLocked() {
        for output in [plain, hostile] {
            #expect(output.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
            #expect(output.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; "
                    + "base-uri &#39;none&#39;; form-action &#39;none&#39;\">"))
            #expect(output.components(separatedBy: "<h1").count == 2)
            #expect(!output.lowercased().contains("<script"))
            #expect(!output.contains("<link") && !output.contains("<img") && !output.contains("@import") && !output.contains("@font-face"))
            #expect(!output.contains(" href=") && !output.contains(" src="))
            #expect(output.hasSuffix("</html>\n"))
        }
        // With no respondent text that mentions one, there is no URL at all (inline SVG needs no namespace URL).
        #expect(!plain.contains("http:") && !plain.contains("https:") && !plain.contains("//"))
        #expect(plain.components(separatedBy: "url(").count == plain.components(separatedBy: "url(#").count)
        #expect(plain.contains("<h2>Staff pulse <code>(staff-pulse)</code></h2>"))
        #expect(plain.contains("<h3>How likely are you to recommend us as a place to work?</h3>"))
        #expect(plain.contains("<h4>How likely are you to recommend us as a place to work?</h4>"))
    }

    @Test func everyChartHasARoleATitleAndADescription() throws {
        for output in [plain, hostile] {
            let charts = output.components(separatedBy: "<svg ").dropFirst()
            #expect(charts.count > 10)
            for chart in charts {
                let labelledBy = try #require(chart.firstRange(of: "aria-labelledby=\"").map { chart[$0.upperBound...].prefix { $0 != " " } })
                let id = try #require(labelledBy.firstRange(of: "-title").map { labelledBy[..<$0.lowerBound] })
                #expect(chart.hasPrefix("class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""))
                #expect(chart.contains(">\n<title id=\"\(id)-title\">"))
                #expect(chart.contains("<desc id=\"\(id)-desc\">"))
            }
            let ids = tags(output).compactMap { tag -> Substring? in
                guard let range = tag.firstRange(of: " id=\"") else { return nil }
                return tag[range.upperBound...].prefix { $0 != "\"" }
            }
            #expect(Set(ids).count == ids.count, "ids are unique")
        }
        #expect(plain.contains("<title id=\"chart-1-title\">Net Promoter Score: +20.0</title>"))
    }

    @Test func escapingTurnsMarkupIntoText() {
        #expect(UntrustedText.html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(UntrustedText.html("</svg><script>") == "&lt;/svg&gt;&lt;script&gt;")
        #expect(UntrustedText.html("\" onmouseover=\"x") == "&quot; onmouseover=&quot;x")
        #expect(UntrustedText.html("' onload='x") == "&#39; onload=&#39;x")
        #expect(UntrustedText.html("&amp;") == "&amp;amp;")
        #expect(UntrustedText.html("Q&A") == "Q&amp;A")
        #expect(UntrustedText.html("a\u{202E}b\u{1B}[2Jc\nd") == "a&lt;U+202E&gt;b&lt;U+001B&gt;[2Jc d")
        #expect(UntrustedText.html("Zoë 東京 “ok”") == "Zoë 東京 “ok”")
    }

    @Test func hostileTextNeverBecomesMarkup() {
        // Every tag is one the renderer writes: known element names, double-quoted attribute
        // values, no event handlers.
        let elements: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "main", "footer", "section", "div", "figure", "figcaption", "h1", "h2",
            "h3", "h4", "p", "ul", "li", "strong", "code", "table", "caption", "tbody", "tr", "th", "td", "svg", "desc", "defs",
            "pattern", "rect", "line", "circle", "polygon", "polyline", "text",
        ]
        let tagPattern = /^<\/?([a-z0-9]+)((?: [a-zA-Z0-9:-]+="[^"<>]*")*)\/?>$/
        let attributePattern = /([a-zA-Z0-9:-]+)="/
        for tag in tags(hostile) where !tag.hasPrefix("<!DOCTYPE") {
            guard let match = tag.wholeMatch(of: tagPattern) else {
                Issue.record("malformed tag: \(tag)")
                continue
            }
            #expect(elements.contains(String(match.1)), "\(tag)")
            for attribute in match.2.matches(of: attributePattern) {
                #expect(!attribute.1.hasPrefix("on"), "\(tag)")
            }
        }
        // The payloads are there, as text.
        #expect(hostile.contains("laptop &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(hostile.contains("&lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(hostile.contains("&quot; onmouseover=&quot;x"))
        #expect(hostile.contains("&#39; onload=&#39;x"))
        #expect(hostile.contains("&amp;amp; already escaped"))
        #expect(!hostile.contains("&amp; already") || hostile.contains("&amp;amp; already"))
        // Control and bidi characters are shown, not obeyed.
        #expect(!hostile.unicodeScalars.contains { $0 != "\n" && UntrustedText.isDangerous($0) })
        #expect(hostile.contains("&lt;U+202E&gt;"))
        // Inside SVG too: a group label in a theme chart title, an inferred choice label in a bar.
        #expect(hostile.contains("<title id=\"chart-"))
        #expect(!hostile.contains("<title id=\"chart-1-title\"><"))
    }

    @Test func suppressedGroupsShowNoFigures() {
        // Sales 7, Service 6 and no answer 5 (both hidden with it), Warehouse 3 (hidden).
        let report = RenderingFixtures.report(BreakdownTests().records(), options: SummaryOptions(groupBy: "team"))
        let output = renderer.render(report)
        #expect(output.contains(
            "<figure class=\"multiple suppressed\">\n<figcaption>Warehouse</figcaption>\n<p>suppressed: fewer than 5 respondents</p>\n</figure>"))
        #expect(output.contains(
            "<figure class=\"multiple suppressed\">\n<figcaption>(no answer)</figcaption>\n"
                + "<p>suppressed so that a smaller hidden group cannot be worked out from the total</p>\n</figure>"))
        #expect(output.contains("<figcaption>Sales · 7 respondents</figcaption>"))
        #expect(!output.contains("Warehouse ·"))
        #expect(!output.contains("(no answer) ·"))
        #expect(!output.contains("Service ·"))
        // Each suppressed card is exactly two lines, once per group and question of the breakdown.
        let suppressedCards = output.components(separatedBy: "<figure class=\"multiple suppressed\">").count - 1
        let questions = output.components(separatedBy: "<h4>").count - 1
        #expect(questions > 0)
        #expect(suppressedCards == 3 * questions)
    }

    @Test func trendChartWithTrendOnly() {
        #expect(plain.contains("<h3>NPS by month: How likely are you to recommend us as a place to work?</h3>"))
        #expect(plain.contains("<title id=\"chart-") && plain.contains("\">NPS by month</title>"))
        #expect(plain.contains("<polygon points=\""))  // the interval band
        #expect(plain.contains("<polyline points=\""))  // the line
        #expect(plain.contains("<th scope=\"row\">2026-10</th>"))
        let withoutTrend = renderer.render(RenderingFixtures.report(plainRecords(), options: SummaryOptions()))
        #expect(!withoutTrend.contains("NPS by month"))
        #expect(!withoutTrend.contains("<polygon"))
        #expect(!withoutTrend.contains("class=\"multiples\""))
    }

    @Test func sameReportGivesTheSameBytes() {
        var generator = SeededGenerator(seed: 11)
        let records = plainRecords() + payloadRecords()
        let options = SummaryOptions(groupBy: "team", trend: .week)
        let expected = renderer.render(RenderingFixtures.report(records, options: options))
        #expect(renderer.render(RenderingFixtures.report(records, options: options)) == expected)
        #expect(renderer.render(RenderingFixtures.report(records.shuffled(using: &generator), options: options)) == expected)
    }

    @Test func emptyReportSaysSo() {
        let output = renderer.render(RenderingFixtures.report([]))
        #expect(output.contains("<h1>Survey report</h1>\n<p>" + Report.noResponsesMessage + "</p>"))
        #expect(!output.contains("<svg"))
        #expect(ReportFormat(rawValue: "html")?.renderer().render(RenderingFixtures.report([])) == output)
    }
}
