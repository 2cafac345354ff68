/// The report as tidy CSV: one metric per row, for spreadsheets and data frames.
///
/// Columns: `questionnaire,group,question,metric,category,value`. `group` is `all` or
/// `QUESTION=LABEL` for a breakdown group; `category` names the option, score, theme or
/// period a row is about (empty otherwise); `value` is a number, except on the row that stands
/// for a withheld option of a segment or `--by` question: that option has no `count` or `share`
/// row, only one with metric `suppressed_below_minimum` or `suppressed_complementary`, the
/// option as category and an empty value, so no figure of it is ever in the file. Text cells
/// are passed through ``UntrustedText/csvText(_:)`` so no cell starts a formula; numbers stay
/// numbers.
public struct CSVReportRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// The header row.
    public static let header = "questionnaire,group,question,metric,category,value"

    public func render(_ report: Report) -> String {
        var rows = [Self.header]
        for summary in report.questionnaires {
            var writer = RowWriter(questionnaire: summary.id)
            writer.add("all", "", "responses", "", .integer(summary.responseCount))
            section(summary.overall, group: "all", into: &writer)
            if let breakdown = summary.breakdown {
                for group in breakdown.groups {
                    let name = breakdown.questionID + "=" + group.label
                    if let suppression = group.suppression {
                        writer.add(name, "", "suppressed", suppression.rawValue, .integer(1))
                    } else if let groupSection = group.section {
                        section(groupSection, group: name, into: &writer)
                    }
                }
            }
            for trend in summary.trends {
                for point in trend.points {
                    let metricPrefix = "trend_" + trend.period.rawValue + "_"
                    if point.suppression != nil {
                        writer.add("all", trend.questionID, metricPrefix + "suppressed", point.period, .integer(1))
                        continue
                    }
                    guard let nps = point.nps else { continue }
                    writer.add("all", trend.questionID, metricPrefix + "n", point.period, .integer(nps.respondentCount))
                    writer.add("all", trend.questionID, metricPrefix + "score", point.period, .decimal(nps.score, 2))
                    writer.add("all", trend.questionID, metricPrefix + "ci95_low", point.period, .decimal(nps.interval95.low, 2))
                    writer.add("all", trend.questionID, metricPrefix + "ci95_high", point.period, .decimal(nps.interval95.high, 2))
                    if let change = point.change {
                        writer.add("all", trend.questionID, metricPrefix + "change", point.period, .decimal(change.difference, 2))
                        writer.add("all", trend.questionID, metricPrefix + "change_z", point.period, .decimal(change.z, 3))
                        writer.add("all", trend.questionID, metricPrefix + "change_significant", point.period, .integer(change.isSignificant ? 1 : 0))
                    }
                }
            }
            rows += writer.rows
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    func section(_ section: Section, group: String, into writer: inout RowWriter) {
        writer.add(group, "", "respondents", "", .integer(section.respondentCount))
        for question in section.questions {
            let id = question.id
            // A withheld question has no answered row: a 0 there would be summed as a count.
            if let suppression = question.suppression {
                writer.add(group, id, "suppressed", suppression.rawValue, .integer(1))
                continue
            }
            writer.add(group, id, "answered", "", .integer(question.answeredCount))
            switch question.result {
            case .nps(let nps):
                writer.add(group, id, "n", "", .integer(nps.respondentCount))
                guard nps.respondentCount > 0 else { continue }
                writer.add(group, id, "score", "", .decimal(nps.score, 2))
                writer.add(group, id, "ci95_low", "", .decimal(nps.interval95.low, 2))
                writer.add(group, id, "ci95_high", "", .decimal(nps.interval95.high, 2))
                writer.add(group, id, "promoters", "", .integer(nps.promoters))
                writer.add(group, id, "passives", "", .integer(nps.passives))
                writer.add(group, id, "detractors", "", .integer(nps.detractors))
                writer.add(group, id, "promoter_share", "", .decimal(nps.promoterShare, 4))
                writer.add(group, id, "passive_share", "", .decimal(nps.passiveShare, 4))
                writer.add(group, id, "detractor_share", "", .decimal(nps.detractorShare, 4))
                distribution(nps.distribution, group: group, question: id, into: &writer)
            case .scale(let scale):
                writer.add(group, id, "n", "", .integer(scale.respondentCount))
                guard scale.respondentCount > 0 else { continue }
                writer.add(group, id, "mean", "", .decimal(scale.mean, 3))
                if let interval = scale.meanInterval95 {
                    writer.add(group, id, "mean_ci95_low", "", .decimal(interval.low, 3))
                    writer.add(group, id, "mean_ci95_high", "", .decimal(interval.high, 3))
                }
                if let top = scale.topTwoBox {
                    writer.add(group, id, "top2box_share", "", .decimal(top.share, 4))
                    writer.add(group, id, "top2box_ci95_low", "", .decimal(top.interval95.low, 4))
                    writer.add(group, id, "top2box_ci95_high", "", .decimal(top.interval95.high, 4))
                }
                distribution(scale.distribution, group: group, question: id, into: &writer)
            case .counts(let counts):
                writer.add(group, id, "n", "", .integer(counts.respondentCount))
                distribution(counts.categories, group: group, question: id, into: &writer)
            case .text(let text):
                writer.add(group, id, "commenters", "", .integer(text.commenterCount))
                writer.add(group, id, "entries", "", .integer(text.entryCount))
                writer.add(group, id, "uncategorized", "", .integer(text.uncategorizedCount))
                if let suppression = text.commentsSuppression {
                    writer.add(group, id, "comments_suppressed", suppression.rawValue, .integer(1))
                }
                for theme in text.themes {
                    writer.add(group, id, "theme_count", theme.label, .integer(theme.commenterCount))
                    writer.add(group, id, "theme_share", theme.label, .decimal(theme.commenterShare, 4))
                }
            }
        }
    }

    func distribution(_ categories: [CategoryCount], group: String, question: String, into writer: inout RowWriter) {
        for category in categories {
            if let suppression = category.suppression {
                writer.add(group, question, "suppressed_" + suppression.rawValue, category.label, .empty)
                continue
            }
            writer.add(group, question, "count", category.label, .integer(category.count))
            writer.add(group, question, "share", category.label, .decimal(category.share, 4))
        }
    }

    /// Accumulates the rows of one questionnaire.
    struct RowWriter {
        enum Value {
            case integer(Int)
            case decimal(Double, Int)
            /// No figure: the row only says that one is withheld.
            case empty
        }

        var questionnaire: String
        var rows: [String] = []

        mutating func add(_ group: String, _ question: String, _ metric: String, _ category: String, _ value: Value) {
            let number: String
            switch value {
            case .integer(let integer): number = String(integer)
            case .decimal(let decimal, let digits): number = ReportFormatting.jsonNumber(decimal, digits)
            case .empty: number = ""
            }
            rows.append(
                [questionnaire, group, question, metric, category].map(UntrustedText.csvText).joined(separator: ",") + "," + number)
        }
    }
}
