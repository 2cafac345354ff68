/// The report as one self-contained HTML file with inline SVG charts, to mail, open in any
/// browser and print.
///
/// The file loads and runs nothing: no scripts, fonts, stylesheets or images from anywhere, and
/// a Content-Security-Policy that forbids them. Every string from a journal or a questionnaire
/// is written through ``UntrustedText/html(_:)`` (the element builder does it for all text and
/// attribute values, SVG included). Headings go h1 report, h2 questionnaire, h3 question or
/// part (breakdown, trend), h4 question within a breakdown. Every chart is an `<svg role="img">`
/// labelled by its `<title>` and described, figures included, by its `<desc>`. The same report
/// always gives the same bytes.
public struct HTMLReportRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ report: Report) -> String {
        var ids = ChartNumbering()
        var body: [HTMLNode] = [.element("h1", text: "Survey report")]
        if report.isEmpty {
            body.append(.element("p", text: Report.noResponsesMessage))
        } else {
            body.append(.element("p", [("class", "lead")], text: settingsSentence(report.settings)))
            for summary in report.questionnaires {
                body.append(questionnaire(summary, settings: report.settings, ids: &ids))
            }
        }
        body.append(.element("footer", [], [
            .element("p", text: "Made by kiosk summarize. Charts use the Okabe-Ito colour-blind-safe palette; detractors are also "
                + "hatched, and every bar carries its figure."),
        ]))

        let title = report.isEmpty ? "Survey report" : "Survey report: " + report.questionnaires.map(\.title).joined(separator: ", ")
        let document = HTMLNode.element("html", [("lang", "en")], [
            .element("head", [], [
                .element("meta", [("charset", "utf-8")]),
                .element("meta", [("http-equiv", "Content-Security-Policy"), ("content", HTMLStyle.contentSecurityPolicy)]),
                .element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                .element("meta", [("name", "referrer"), ("content", "no-referrer")]),
                .element("meta", [("name", "generator"), ("content", "kiosk summarize")]),
                .element("title", text: title),
                .element("style", [], [.trustedMarkup(HTMLStyle.stylesheet)]),
            ]),
            .element("body", [], [.element("main", [], body)]),
        ])
        return "<!DOCTYPE html>\n" + document.rendered()
    }

    // MARK: Questionnaires

    func settingsSentence(_ settings: ReportSettings) -> String {
        var parts = ["Groups and periods with fewer than \(settings.minGroup) respondents are suppressed."]
        if let groupBy = settings.groupBy { parts.append("Broken down by " + groupBy + ".") }
        if let trend = settings.trend { parts.append("NPS trend by " + trend.rawValue + ".") }
        return parts.joined(separator: " ")
    }

    func questionnaire(_ summary: QuestionnaireSummary, settings: ReportSettings, ids: inout ChartNumbering) -> HTMLNode {
        var heading: [HTMLNode] = [.text(summary.title)]
        if summary.title != summary.id { heading += [.text(" "), .element("code", text: "(" + summary.id + ")")] }
        var children: [HTMLNode] = [
            .element("h2", [], heading),
            .element("p", [("class", "meta")], text: ReportWording.header(summary)),
        ]
        if !summary.notes.isEmpty {
            children.append(.element("ul", [("class", "notes")], summary.notes.map { .element("li", [], [.element("strong", text: "Note: "), .text($0)]) }))
        }
        for question in summary.overall.questions {
            children.append(.element("h3", text: question.prompt))
            children.append(questionMeta(question))
            if let suppression = question.suppression {
                children.append(.element("p", text: ReportWording.questionSuppression(suppression, minGroup: settings.minGroup)))
            } else {
                children += result(question.result, minGroup: settings.minGroup, ids: &ids)
            }
        }
        if let breakdown = summary.breakdown {
            children += self.breakdown(breakdown, minGroup: settings.minGroup, ids: &ids)
        }
        for trend in summary.trends {
            children += self.trend(trend, minGroup: settings.minGroup, ids: &ids)
        }
        return .element("section", [("class", "questionnaire")], children)
    }

    func questionMeta(_ question: QuestionSummary) -> HTMLNode {
        .element("p", [("class", "meta")], [
            .element("code", text: question.id),
            // A withheld question's count is no one's, so none is shown.
            .text(" · " + question.result.kindName + (question.isInferred ? " (inferred from answers)" : "")
                + (question.suppression == nil ? " · \(question.answeredCount) answered" : "")),
        ])
    }

    // MARK: Results

    /// A question's figures and charts; `isSmall` lays them out for a small multiple. `minGroup`
    /// is the threshold withheld options are under.
    func result(_ result: QuestionResult, isSmall: Bool = false, minGroup: Int, ids: inout ChartNumbering) -> [HTMLNode] {
        let width = isSmall ? 320.0 : 640.0
        switch result {
        case .nps(let nps):
            guard nps.respondentCount > 0 else { return [.element("p", text: "No answers.")] }
            var nodes: [HTMLNode] = [
                .element("p", [("class", "figure")], [
                    .element("strong", text: "NPS " + ReportFormatting.signed(nps.score, 1)),
                    .text(" (95% CI " + ReportWording.interval(nps.interval95) + ", n = \(nps.respondentCount))"),
                ]),
                NPSScoreChart(nps: nps, width: width, showsLegend: !isSmall).node(id: ids.next()),
            ]
            if isSmall {
                nodes.append(.element("p", [("class", "meta")], text: "Detractors \(nps.detractors) (" + ReportFormatting.percent(nps.detractorShare)
                    + "), passives \(nps.passives) (" + ReportFormatting.percent(nps.passiveShare) + "), promoters \(nps.promoters) ("
                    + ReportFormatting.percent(nps.promoterShare) + ")"))
            } else {
                nodes.append(NPSDistributionChart(nps: nps).node(id: ids.next()))
                nodes.append(.element("p", [("class", "meta")], text: "Bands: " + nps.bands.description + "."))
            }
            if nps.isSmallSample { nodes.append(.element("p", [("class", "meta small-sample")], text: ReportWording.smallSampleNote)) }
            return nodes

        case .scale(let scale):
            guard scale.respondentCount > 0 else { return [.element("p", text: "No answers.")] }
            var figure: [HTMLNode] = [.element("strong", text: "Mean " + ReportFormatting.fixed(scale.mean, 2))]
            var details = ""
            if let interval = scale.meanInterval95 { details += " (95% CI " + ReportWording.plainInterval(interval, digits: 2) + ")" }
            details += ", n = \(scale.respondentCount)."
            if let top = scale.topTwoBox {
                details += " Top-2-box: \(top.count) of \(top.base) (" + ReportFormatting.percent(top.share) + ", 95% CI "
                    + ReportWording.percentInterval(top.interval95) + ")."
            }
            figure.append(.text(details))
            return [
                .element("p", [("class", "figure")], figure),
                BarChart(categories: scale.distribution, title: "Answers from \(scale.minimum) to \(scale.maximum)",
                    base: "of \(scale.respondentCount) respondents", minGroup: minGroup, width: width).node(id: ids.next()),
            ]

        case .counts(let counts):
            guard counts.respondentCount > 0 else { return [.element("p", text: "No answers.")] }
            let base = "of \(counts.respondentCount) respondents" + (counts.kind == .multi ? ", several picks each" : "")
            var nodes: [HTMLNode] = [
                .element("p", text: "n = \(counts.respondentCount)" + (counts.kind == .multi ? "; shares are of respondents, who could pick several." : "")),
                BarChart(categories: counts.categories, title: "Answers", base: base, minGroup: minGroup, width: width).node(id: ids.next()),
            ]
            if let note = ReportWording.optionSuppressionNote(counts.categories, minGroup: minGroup) {
                nodes.append(.element("p", [("class", "meta")], text: note))
            }
            return nodes

        case .text(let text):
            guard text.commenterCount > 0 else { return [.element("p", text: "No comments.")] }
            let commented = "\(text.commenterCount) commented" + (text.entryCount == text.commenterCount ? "" : " (\(text.entryCount) entries)")
            if let suppression = text.commentsSuppression {
                return [.element("p", text: commented + "; " + ReportWording.commentsSuppressed(suppression) + ".")]
            }
            var nodes: [HTMLNode] = [.element("p", text: commented + "; \(text.uncategorizedCount) in no theme.")]
            for theme in text.themes {
                nodes.append(self.theme(theme, barWidth: isSmall ? 260 : 300, ids: &ids))
            }
            return nodes
        }
    }

    /// A theme: its name, bar and words on the left, its quotes beside them.
    func theme(_ theme: Theme, barWidth: Double, ids: inout ChartNumbering) -> HTMLNode {
        var left: [HTMLNode] = [
            .element("p", [("class", "theme-name")], text: theme.label + (theme.isPredefined ? " (questionnaire theme)" : "")),
            ThemeBar(theme: theme, width: barWidth).node(id: ids.next()),
        ]
        if !theme.keywords.isEmpty {
            left.append(.element("p", [("class", "theme-words")], text: "Words: " + theme.keywords.joined(separator: ", ")))
        }
        return .element("div", [("class", "theme")], [
            .element("div", [], left),
            .element("ul", [("class", "quotes")], theme.quotes.map { .element("li", text: "“" + $0 + "”") }),
        ])
    }

    // MARK: Breakdown and trend

    /// Per question, one small chart per group side by side at the same scale; a suppressed group
    /// keeps its place and says why, with no figures, not even its size.
    func breakdown(_ breakdown: Breakdown, minGroup: Int, ids: inout ChartNumbering) -> [HTMLNode] {
        var nodes: [HTMLNode] = [
            .element("h3", text: "By " + breakdown.questionID + ": " + breakdown.prompt),
            .element("p", [("class", "meta")], text: "Groups under \(minGroup) respondents are suppressed and show no figures."),
        ]
        func suppressedCard(_ group: BreakdownGroup, _ suppression: Suppression) -> HTMLNode {
            .element("figure", [("class", "multiple suppressed")], [
                .element("figcaption", text: group.label),
                .element("p", text: ReportWording.suppression(suppression, minGroup: minGroup)),
            ])
        }
        let questions = breakdown.groups.first { $0.section != nil }?.section?.questions ?? []
        guard !questions.isEmpty else {
            let cards = breakdown.groups.compactMap { group in group.suppression.map { suppressedCard(group, $0) } }
            return nodes + [.element("div", [("class", "multiples")], cards)]
        }
        for question in questions {
            nodes.append(.element("h4", text: question.prompt))
            var cards: [HTMLNode] = []
            for group in breakdown.groups {
                if let suppression = group.suppression {
                    cards.append(suppressedCard(group, suppression))
                } else if let section = group.section, let summary = section.questions.first(where: { $0.id == question.id }) {
                    let figures = summary.suppression.map { [HTMLNode.element("p", text: ReportWording.questionSuppression($0, minGroup: minGroup))] }
                        ?? self.result(summary.result, isSmall: true, minGroup: minGroup, ids: &ids)
                    cards.append(.element("figure", [("class", "multiple")], [
                        .element("figcaption", text: group.label + " · \(section.respondentCount) respondents"),
                    ] + figures))
                }
            }
            nodes.append(.element("div", [("class", "multiples")], cards))
        }
        return nodes
    }

    func trend(_ trend: Trend, minGroup: Int, ids: inout ChartNumbering) -> [HTMLNode] {
        var rows: [HTMLNode] = [
            .element("tr", [], ["Period", "NPS", "95% CI", "n", "Change"].map { .element("th", [("scope", "col")], text: $0) }),
        ]
        for point in trend.points {
            var cells: [HTMLNode] = [.element("th", [("scope", "row")], text: point.period)]
            if let suppression = point.suppression {
                cells.append(.element("td", [("colspan", "4")], text: ReportWording.suppression(suppression, minGroup: minGroup)))
            } else if let nps = point.nps {
                cells += [
                    .element("td", [("class", "number")], text: ReportFormatting.signed(nps.score, 1)),
                    .element("td", text: ReportWording.interval(nps.interval95)),
                    .element("td", [("class", "number")], text: String(nps.respondentCount)),
                    .element("td", text: point.change.map(ReportWording.change) ?? ""),
                ]
            }
            rows.append(.element("tr", [], cells))
        }
        return [
            .element("h3", text: "NPS by " + trend.period.rawValue + ": " + trend.prompt),
            TrendChart(trend: trend, minGroup: minGroup).node(id: ids.next()),
            .element("table", [], [
                .element("caption", [("class", "meta")], text: "NPS per " + trend.period.rawValue + "; * in the chart marks a significant change."),
                .element("tbody", [], rows),
            ]),
            .element("p", [("class", "meta")], text: Trend.samePeopleNote),
        ]
    }
}
