/// The report as GitHub-flavoured Markdown, for a wiki page or a pull request.
///
/// Respondents' text goes through ``UntrustedText/markdown(_:)``: it can never become live
/// HTML, a link, emphasis or a table cell boundary.
public struct MarkdownReportRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ report: Report) -> String {
        guard !report.isEmpty else { return "# Survey report\n\n" + Report.noResponsesMessage + "\n" }
        var lines: [String] = []
        for summary in report.questionnaires {
            questionnaire(summary, settings: report.settings, into: &lines)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    func md(_ text: String) -> String { UntrustedText.markdown(text) }

    func questionnaire(_ summary: QuestionnaireSummary, settings: ReportSettings, into lines: inout [String]) {
        lines.append("# " + md(summary.title) + (summary.title == summary.id ? "" : " (`" + md(summary.id) + "`)"))
        lines.append("")
        lines.append(md(ReportWording.header(summary)))
        lines.append("")
        for note in summary.notes { lines.append("> **Note:** " + md(note)) }
        if !summary.notes.isEmpty { lines.append("") }
        section(summary.overall, level: "##", minGroup: settings.minGroup, into: &lines)

        if let breakdown = summary.breakdown {
            lines.append("## By " + md(breakdown.questionID) + ": " + md(breakdown.prompt))
            lines.append("")
            lines.append("Groups under \(settings.minGroup) respondents are suppressed.")
            lines.append("")
            for group in breakdown.groups {
                if let suppression = group.suppression {
                    lines.append("### " + md(group.label))
                    lines.append("")
                    lines.append("*" + md(ReportWording.suppression(suppression, minGroup: settings.minGroup)) + "*")
                    lines.append("")
                } else if let groupSection = group.section {
                    lines.append("### " + md(group.label) + " (\(groupSection.respondentCount) respondents)")
                    lines.append("")
                    section(groupSection, level: "####", minGroup: settings.minGroup, into: &lines)
                }
            }
        }

        for trend in summary.trends {
            lines.append("## NPS by " + trend.period.rawValue + ": " + md(trend.prompt))
            lines.append("")
            lines.append("| Period | NPS | 95% CI | n | Change |")
            lines.append("|---|---:|---|---:|---|")
            for point in trend.points {
                if let suppression = point.suppression {
                    lines.append("| " + md(point.period) + " | | " + md(ReportWording.suppression(suppression, minGroup: settings.minGroup)) + " | | |")
                } else if let nps = point.nps {
                    lines.append("| " + md(point.period) + " | " + md(ReportFormatting.signed(nps.score, 1)) + " | "
                        + md(ReportWording.interval(nps.interval95)) + " | \(nps.respondentCount) | "
                        + (point.change.map { md(ReportWording.change($0)) } ?? "") + " |")
                }
            }
            lines.append("")
            lines.append("*" + md(Trend.samePeopleNote) + "*")
            lines.append("")
        }
    }

    func section(_ section: Section, level: String, minGroup: Int, into lines: inout [String]) {
        for question in section.questions {
            lines.append(level + " " + md(question.prompt))
            lines.append("")
            lines.append("`" + md(question.id) + "` · " + question.result.kindName + (question.isInferred ? " (inferred from answers)" : ""))
            lines.append("")
            if let suppression = question.suppression {
                lines += ["*" + md(ReportWording.questionSuppression(suppression, minGroup: minGroup)) + "*", ""]
                continue
            }
            switch question.result {
            case .nps(let nps):
                guard nps.respondentCount > 0 else { lines += ["No answers.", ""]; continue }
                lines.append("**NPS " + md(ReportFormatting.signed(nps.score, 1)) + "** (95% CI " + md(ReportWording.interval(nps.interval95))
                    + ", n = \(nps.respondentCount))")
                lines.append("")
                lines.append("Promoters \(nps.promoters) (" + ReportFormatting.percent(nps.promoterShare) + "), passives \(nps.passives) ("
                    + ReportFormatting.percent(nps.passiveShare) + "), detractors \(nps.detractors) (" + ReportFormatting.percent(nps.detractorShare)
                    + "). Bands: " + md(nps.bands.description) + ".")
                lines.append("")
                table(nps.distribution, header: "Score", minGroup: minGroup, into: &lines)
                if nps.isSmallSample { lines += ["*" + md(ReportWording.smallSampleNote) + "*", ""] }
            case .scale(let scale):
                guard scale.respondentCount > 0 else { lines += ["No answers.", ""]; continue }
                var line = "**Mean " + ReportFormatting.fixed(scale.mean, 2) + "**"
                if let interval = scale.meanInterval95 { line += " (95% CI " + md(ReportWording.plainInterval(interval, digits: 2)) + ")" }
                lines.append(line + ", n = \(scale.respondentCount).")
                if let top = scale.topTwoBox {
                    lines.append("Top\\-2\\-box: \(top.count) of \(top.base) (" + ReportFormatting.percent(top.share) + ", 95% CI "
                        + md(ReportWording.percentInterval(top.interval95)) + ").")
                }
                lines.append("")
                table(scale.distribution, header: "Answer", minGroup: minGroup, into: &lines)
            case .counts(let counts):
                guard counts.respondentCount > 0 else { lines += ["No answers.", ""]; continue }
                lines.append("n = \(counts.respondentCount)" + (counts.kind == .multi ? " (shares are of respondents; several picks each)" : ""))
                lines.append("")
                table(counts.categories, header: "Answer", minGroup: minGroup, into: &lines)
                if let note = ReportWording.optionSuppressionNote(counts.categories, minGroup: minGroup) { lines += ["*" + md(note) + "*", ""] }
            case .text(let text):
                guard text.commenterCount > 0 else { lines += ["No comments.", ""]; continue }
                let commented = "\(text.commenterCount) commented" + (text.entryCount == text.commenterCount ? "" : " (\(text.entryCount) entries)")
                if let suppression = text.commentsSuppression {
                    lines += [commented + "; " + md(ReportWording.commentsSuppressed(suppression)) + ".", ""]
                    continue
                }
                lines.append(commented + "; \(text.uncategorizedCount) in no theme.")
                lines.append("")
                for theme in text.themes {
                    lines.append("- **" + md(theme.label) + "**: \(theme.commenterCount) (" + ReportFormatting.percent(theme.commenterShare) + ")"
                        + (theme.isPredefined ? " · questionnaire theme" : "")
                        + (theme.keywords.isEmpty ? "" : " · words: " + theme.keywords.map(md).joined(separator: ", ")))
                    for quote in theme.quotes { lines.append("  - “" + md(quote) + "”") }
                }
                lines.append("")
            }
        }
    }

    /// A distribution table; a withheld option says why in the Count column and has no share.
    func table(_ categories: [CategoryCount], header: String, minGroup: Int, into lines: inout [String]) {
        lines.append("| " + header + " | Count | Share |")
        lines.append("|---|---:|---:|")
        for category in categories {
            let label = md(category.label) + (category.description.map { " " + md($0) } ?? "")
            if let suppression = category.suppression {
                lines.append("| " + label + " | " + md(ReportWording.optionSuppression(suppression, minGroup: minGroup)) + " | |")
                continue
            }
            lines.append("| " + label + " | \(category.count) | " + ReportFormatting.percent(category.share) + " |")
        }
        lines.append("")
    }
}
