/// The report for a terminal: plain lines, Unicode bars, colour only when asked for.
///
/// Every string that came from a journal or a questionnaire goes through
/// ``UntrustedText/terminal(_:)``, so no control, C1 or bidi character reaches the screen.
public struct TextReportRenderer: ReportRenderer {
    /// Whether to use ANSI colours and bold (the caller decides: a terminal, no `NO_COLOR`).
    public var useColour: Bool
    /// The width of the longest bar, in cells.
    public var barWidth: Int

    /// Creates the renderer.
    public init(useColour: Bool = false, barWidth: Int = 24) {
        self.useColour = useColour
        self.barWidth = barWidth
    }

    public func render(_ report: Report) -> String {
        guard !report.isEmpty else { return Report.noResponsesMessage + "\n" }
        var lines: [String] = []
        for (index, summary) in report.questionnaires.enumerated() {
            if index > 0 { lines.append("") }
            questionnaire(summary, settings: report.settings, into: &lines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Pieces

    func safe(_ text: String) -> String { UntrustedText.terminal(text) }

    func bold(_ text: String) -> String { useColour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }

    func dim(_ text: String) -> String { useColour ? "\u{1B}[2m" + text + "\u{1B}[0m" : text }

    func questionnaire(_ summary: QuestionnaireSummary, settings: ReportSettings, into lines: inout [String]) {
        let title = safe(summary.title) + (summary.title == summary.id ? "" : " (" + safe(summary.id) + ")")
        lines.append(bold(title))
        lines.append(String(repeating: "=", count: min(title.count, 78)))
        lines.append(safe(ReportWording.header(summary)))
        for note in summary.notes { lines.append(dim("! " + safe(note))) }
        section(summary.overall, indent: "", minGroup: settings.minGroup, into: &lines)

        if let breakdown = summary.breakdown {
            lines.append("")
            lines.append(bold("By " + safe(breakdown.questionID) + ": " + safe(breakdown.prompt)))
            lines.append(dim("Groups under \(settings.minGroup) respondents are suppressed."))
            for group in breakdown.groups {
                lines.append("")
                let label = safe(group.label)
                if let suppression = group.suppression {
                    lines.append(bold("[" + label + "]") + " " + ReportWording.suppression(suppression, minGroup: settings.minGroup))
                } else if let groupSection = group.section {
                    lines.append(bold("[" + label + "]") + " \(groupSection.respondentCount) respondents")
                    section(groupSection, indent: "  ", minGroup: settings.minGroup, into: &lines)
                }
            }
        }

        for trend in summary.trends {
            lines.append("")
            lines.append(bold("NPS by " + trend.period.rawValue + ": " + safe(trend.prompt) + " [" + safe(trend.questionID) + "]"))
            let width = trend.points.map { safe($0.period).count }.max() ?? 0
            for point in trend.points {
                let period = safe(point.period).padding(to: width)
                if let suppression = point.suppression {
                    lines.append("  " + period + "  " + ReportWording.suppression(suppression, minGroup: settings.minGroup))
                } else if let nps = point.nps {
                    var line = "  " + period + "  NPS " + ReportFormatting.signed(nps.score, 1).leftPadding(to: 6)
                        + "  95% CI " + ReportWording.interval(nps.interval95) + "  n = \(nps.respondentCount)"
                    if let change = point.change { line += "  " + safe(ReportWording.change(change)) }
                    lines.append(line)
                }
            }
            lines.append(dim("  " + Trend.samePeopleNote))
        }
    }

    func section(_ section: Section, indent: String, minGroup: Int, into lines: inout [String]) {
        for question in section.questions {
            lines.append("")
            lines.append(indent + bold(safe(question.prompt)) + dim(" [" + safe(question.id) + ", " + question.result.kindName
                + (question.isInferred ? ", inferred" : "") + "]"))
            if let suppression = question.suppression {
                lines.append(indent + "  " + ReportWording.questionSuppression(suppression, minGroup: minGroup))
                continue
            }
            switch question.result {
            case .nps(let nps): self.nps(nps, indent: indent + "  ", minGroup: minGroup, into: &lines)
            case .scale(let scale): self.scale(scale, indent: indent + "  ", minGroup: minGroup, into: &lines)
            case .counts(let counts): self.counts(counts, indent: indent + "  ", minGroup: minGroup, into: &lines)
            case .text(let text): self.text(text, indent: indent + "  ", into: &lines)
            }
        }
    }

    func nps(_ nps: NPSSummary, indent: String, minGroup: Int, into lines: inout [String]) {
        guard nps.respondentCount > 0 else {
            lines.append(indent + "No answers.")
            return
        }
        lines.append(indent + bold("NPS " + ReportFormatting.signed(nps.score, 1)) + "  95% CI "
            + ReportWording.interval(nps.interval95) + "  n = \(nps.respondentCount)")
        lines.append(indent + "promoters \(nps.promoters) (" + ReportFormatting.percent(nps.promoterShare) + ") · passives \(nps.passives) ("
            + ReportFormatting.percent(nps.passiveShare) + ") · detractors \(nps.detractors) (" + ReportFormatting.percent(nps.detractorShare) + ")")
        lines.append(indent + dim("bands: " + nps.bands.description))
        bars(nps.distribution, indent: indent, minGroup: minGroup, into: &lines)
        if nps.isSmallSample { lines.append(indent + dim(ReportWording.smallSampleNote)) }
    }

    func scale(_ scale: ScaleSummary, indent: String, minGroup: Int, into lines: inout [String]) {
        guard scale.respondentCount > 0 else {
            lines.append(indent + "No answers.")
            return
        }
        var line = indent + bold("mean " + ReportFormatting.fixed(scale.mean, 2))
        if let interval = scale.meanInterval95 { line += "  95% CI " + ReportWording.plainInterval(interval, digits: 2) }
        line += "  n = \(scale.respondentCount)"
        lines.append(line)
        if let top = scale.topTwoBox {
            lines.append(indent + "top-2-box \(top.count) of \(top.base) (" + ReportFormatting.percent(top.share) + ", 95% CI "
                + ReportWording.percentInterval(top.interval95) + ")")
        }
        bars(scale.distribution, indent: indent, minGroup: minGroup, into: &lines)
    }

    func counts(_ counts: CountsSummary, indent: String, minGroup: Int, into lines: inout [String]) {
        guard counts.respondentCount > 0 else {
            lines.append(indent + "No answers.")
            return
        }
        lines.append(indent + "n = \(counts.respondentCount)" + (counts.kind == .multi ? " (shares are of respondents; several picks each)" : ""))
        bars(counts.categories, indent: indent, minGroup: minGroup, into: &lines)
        if let note = ReportWording.optionSuppressionNote(counts.categories, minGroup: minGroup) { lines.append(indent + dim(note)) }
    }

    func text(_ text: TextSummary, indent: String, into lines: inout [String]) {
        guard text.commenterCount > 0 else {
            lines.append(indent + "No comments.")
            return
        }
        let commented = "\(text.commenterCount) commented" + (text.entryCount == text.commenterCount ? "" : " (\(text.entryCount) entries)")
        if let suppression = text.commentsSuppression {
            lines.append(indent + commented + "; " + ReportWording.commentsSuppressed(suppression))
            return
        }
        lines.append(indent + commented + "; \(text.uncategorizedCount) in no theme")
        for (index, theme) in text.themes.enumerated() {
            lines.append(indent + "\(index + 1). " + bold(safe(theme.label)) + " — \(theme.commenterCount) ("
                + ReportFormatting.percent(theme.commenterShare) + ")" + (theme.isPredefined ? " [questionnaire theme]" : ""))
            if !theme.keywords.isEmpty {
                lines.append(indent + "   " + dim("words: " + theme.keywords.map(safe).joined(separator: ", ")))
            }
            for quote in theme.quotes { lines.append(indent + "   “" + safe(quote) + "”") }
        }
    }

    /// One row per category: label, bar, count and share; a withheld option shows neither bar
    /// nor figure, only why (`minGroup` is the threshold it is under).
    func bars(_ categories: [CategoryCount], indent: String, minGroup: Int, into lines: inout [String]) {
        let labels = categories.map { safe($0.label) + ($0.description.map { " " + safe($0) } ?? "") }
        let width = min(labels.map(\.count).max() ?? 0, 30)
        let largest = categories.map(\.share).max() ?? 0
        for (category, label) in zip(categories, labels) {
            let shown = label.count > width ? String(label.prefix(width - 1)) + "…" : label.padding(to: width)
            if let suppression = category.suppression {
                lines.append(indent + shown + " " + "".padding(to: barWidth) + " "
                    + ReportWording.optionSuppression(suppression, minGroup: minGroup).leftPadding(to: 12))
                continue
            }
            let bar = largest > 0 ? ReportFormatting.bar(category.share / largest, width: barWidth) : ""
            lines.append(indent + shown + " " + bar.padding(to: barWidth) + " " + String(category.count).leftPadding(to: 5)
                + " " + ReportFormatting.percent(category.share).leftPadding(to: 6))
        }
    }
}

extension String {
    /// The string with spaces added on the right up to `width` characters.
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }

    /// The string with spaces added on the left up to `width` characters.
    func leftPadding(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
