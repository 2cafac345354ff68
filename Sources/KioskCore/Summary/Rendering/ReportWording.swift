/// Wording shared by the human-readable formats, so text and Markdown say the same things.
enum ReportWording {
    static func suppression(_ suppression: Suppression, minGroup: Int) -> String {
        switch suppression {
        case .belowMinimum:
            "suppressed: fewer than \(minGroup) respondents"
        case .complementary:
            "suppressed so that a smaller hidden group cannot be worked out from the total"
        }
    }

    /// What a report shows in place of the figures of a question asked only of a group.
    static func questionSuppression(_ suppression: Suppression, minGroup: Int) -> String {
        switch suppression {
        case .belowMinimum:
            "withheld: fewer than \(minGroup) answers or comments to show, and it is or may be asked only of a group"
        case .complementary:
            "withheld: it is asked only of a group, and its figures would give away a group of fewer than \(minGroup)"
        }
    }

    /// What a distribution shows in place of a withheld option's count and share.
    static func optionSuppression(_ suppression: Suppression, minGroup: Int) -> String {
        switch suppression {
        case .belowMinimum: "fewer than \(minGroup)"
        case .complementary: "withheld"
        }
    }

    /// The note under a distribution with withheld options, or `nil` when none is.
    static func optionSuppressionNote(_ categories: [CategoryCount], minGroup: Int) -> String? {
        guard categories.contains(where: { $0.suppression != nil }) else { return nil }
        var note = "Options chosen by fewer than \(minGroup) respondents show no count"
        if categories.contains(where: { $0.suppression == .complementary }) {
            note += "; the one marked “withheld” is hidden too, so that the smaller one cannot be worked out from the total"
        }
        return note + "."
    }

    static func interval(_ interval: ConfidenceInterval, digits: Int = 1) -> String {
        ReportFormatting.signed(interval.low, digits) + " to " + ReportFormatting.signed(interval.high, digits)
    }

    static func plainInterval(_ interval: ConfidenceInterval, digits: Int) -> String {
        ReportFormatting.fixed(interval.low, digits) + " to " + ReportFormatting.fixed(interval.high, digits)
    }

    static func percentInterval(_ interval: ConfidenceInterval) -> String {
        ReportFormatting.percent(interval.low) + " to " + ReportFormatting.percent(interval.high)
    }

    static func commentsSuppressed(_ suppression: Suppression) -> String {
        switch suppression {
        case .belowMinimum: "themes and quotes withheld: too few commenters in this group"
        case .complementary: "themes and quotes withheld, so that a smaller group's cannot be worked out from the overall ones"
        }
    }

    static let smallSampleNote =
        "Fewer than 30 answers: the interval is wide and one or two answers move the score a lot."

    static func header(_ summary: QuestionnaireSummary) -> String {
        var parts = ["\(summary.responseCount) response" + (summary.responseCount == 1 ? "" : "s")]
        if let first = summary.firstDate, let last = summary.lastDate {
            parts.append(first == last ? first : "\(first) to \(last)")
        }
        parts.append((summary.versions.count == 1 ? "version " : "versions ") + summary.versions.joined(separator: ", "))
        if !summary.sessions.isEmpty {
            parts.append((summary.sessions.count == 1 ? "session " : "sessions ") + summary.sessions.joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    static func change(_ change: TrendChange) -> String {
        ReportFormatting.signed(change.difference, 1) + " vs " + change.fromPeriod + ", "
            + (change.isSignificant ? "significant" : "not significant") + " (z = " + ReportFormatting.fixed(change.z, 2) + ")"
    }
}
