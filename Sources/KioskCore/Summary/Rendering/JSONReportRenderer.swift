/// The report as JSON, in the stable schema documented in `docs/report-json.md`.
///
/// Keys are always written in the same order and numbers with fixed precision, so the same
/// report always gives the same bytes.
public struct JSONReportRenderer: ReportRenderer {
    /// The schema version; bumped only for changes that could break a reader. Version 2: an
    /// option's `count` and `share` may be `null` (withheld; see its `suppressed`).
    public static let schemaVersion = 2

    /// Creates the renderer.
    public init() {}

    public func render(_ report: Report) -> String {
        let settings = JSONValue.object([
            ("min_group", .integer(report.settings.minGroup)),
            ("group_by", report.settings.groupBy.map(JSONValue.string) ?? .null),
            ("trend", report.settings.trend.map { .string($0.rawValue) } ?? .null),
        ])
        let root = JSONValue.object([
            ("schema", .string("kiosk-report")),
            ("schema_version", .integer(Self.schemaVersion)),
            ("settings", settings),
            ("empty", .bool(report.isEmpty)),
            ("message", report.isEmpty ? .string(Report.noResponsesMessage) : .null),
            ("questionnaires", .array(report.questionnaires.map(questionnaire))),
        ])
        return root.serialized(indent: 0) + "\n"
    }

    func questionnaire(_ summary: QuestionnaireSummary) -> JSONValue {
        .object([
            ("id", .string(summary.id)),
            ("title", .string(summary.title)),
            ("definition_missing", .bool(summary.isDefinitionMissing)),
            ("versions", .array(summary.versions.map(JSONValue.string))),
            ("responses", .integer(summary.responseCount)),
            ("first_date", summary.firstDate.map(JSONValue.string) ?? .null),
            ("last_date", summary.lastDate.map(JSONValue.string) ?? .null),
            ("sessions", .array(summary.sessions.map(JSONValue.string))),
            ("notes", .array(summary.notes.map(JSONValue.string))),
            ("overall", section(summary.overall)),
            ("breakdown", summary.breakdown.map(breakdown) ?? .null),
            ("trends", .array(summary.trends.map(trend))),
        ])
    }

    func section(_ section: Section) -> JSONValue {
        .object([
            ("respondents", .integer(section.respondentCount)),
            ("questions", .array(section.questions.map(question))),
        ])
    }

    func breakdown(_ breakdown: Breakdown) -> JSONValue {
        .object([
            ("question", .string(breakdown.questionID)),
            ("prompt", .string(breakdown.prompt)),
            ("groups", .array(breakdown.groups.map { group in
                .object([
                    ("label", .string(group.label)),
                    ("no_answer", .bool(group.isNoAnswer)),
                    ("suppressed", group.suppression.map { .string($0.rawValue) } ?? .null),
                    ("section", group.section.map(section) ?? .null),
                ])
            })),
        ])
    }

    func trend(_ trend: Trend) -> JSONValue {
        .object([
            ("question", .string(trend.questionID)),
            ("prompt", .string(trend.prompt)),
            ("period", .string(trend.period.rawValue)),
            ("note", .string(Trend.samePeopleNote)),
            ("points", .array(trend.points.map { point in
                .object([
                    ("period", .string(point.period)),
                    ("suppressed", point.suppression.map { .string($0.rawValue) } ?? .null),
                    ("nps", point.nps.map(nps) ?? .null),
                    ("change", point.change.map { change in
                        .object([
                            ("from", .string(change.fromPeriod)),
                            ("difference", .decimal(change.difference, digits: 2)),
                            ("z", .decimal(change.z, digits: 3)),
                            ("significant", .bool(change.isSignificant)),
                        ])
                    } ?? .null),
                ])
            })),
        ])
    }

    func question(_ question: QuestionSummary) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(question.id)),
            ("prompt", .string(question.prompt)),
            ("type", .string(question.result.kindName)),
            ("inferred", .bool(question.isInferred)),
            ("answered", .integer(question.answeredCount)),
        ]
        switch question.result {
        case .nps(let summary):
            if case .members(let npsFields) = nps(summary) { fields += npsFields.map { ($0.key, $0.value) } }
        case .scale(let scale):
            fields += [
                ("n", .integer(scale.respondentCount)),
                ("min", .integer(scale.minimum)),
                ("max", .integer(scale.maximum)),
                ("mean", .decimal(scale.mean, digits: 3)),
                ("sd", scale.standardDeviation.map { .decimal($0, digits: 3) } ?? .null),
                ("mean_ci95", scale.meanInterval95.map { interval($0, digits: 3) } ?? .null),
                ("top2box", scale.topTwoBox.map { top in
                    .object([
                        ("count", .integer(top.count)),
                        ("base", .integer(top.base)),
                        ("share", .decimal(top.share, digits: 4)),
                        ("ci95", interval(top.interval95, digits: 4)),
                    ])
                } ?? .null),
                ("distribution", distribution(scale.distribution, numeric: true)),
            ]
        case .counts(let counts):
            fields += [
                ("n", .integer(counts.respondentCount)),
                ("options", distribution(counts.categories, numeric: false)),
            ]
        case .text(let text):
            fields += [
                ("commenters", .integer(text.commenterCount)),
                ("entries", .integer(text.entryCount)),
                ("uncategorized", .integer(text.uncategorizedCount)),
                ("comments_suppressed", text.commentsSuppression.map { .string($0.rawValue) } ?? .null),
                ("themes", .array(text.themes.map { theme in
                    .object([
                        ("label", .string(theme.label)),
                        ("predefined", .bool(theme.isPredefined)),
                        ("keywords", .array(theme.keywords.map(JSONValue.string))),
                        ("count", .integer(theme.commenterCount)),
                        ("share", .decimal(theme.commenterShare, digits: 4)),
                        ("quotes", .array(theme.quotes.map(JSONValue.string))),
                    ])
                })),
            ]
        }
        // Only on a withheld question, whose figures above are those of no answers: every
        // other question's object stays as schema version 2 wrote it.
        if let suppression = question.suppression { fields.append(("suppressed", .string(suppression.rawValue))) }
        return .object(fields)
    }

    func nps(_ nps: NPSSummary) -> JSONValue {
        let passiveRange: JSONValue = nps.bands.detractorMax + 1 <= nps.bands.promoterMin - 1
            ? .array([.integer(nps.bands.detractorMax + 1), .integer(nps.bands.promoterMin - 1)]) : .null
        return .object([
            ("n", .integer(nps.respondentCount)),
            ("score", .decimal(nps.score, digits: 2)),
            ("ci95", interval(nps.interval95, digits: 2)),
            ("promoters", .integer(nps.promoters)),
            ("passives", .integer(nps.passives)),
            ("detractors", .integer(nps.detractors)),
            ("promoter_share", .decimal(nps.promoterShare, digits: 4)),
            ("passive_share", .decimal(nps.passiveShare, digits: 4)),
            ("detractor_share", .decimal(nps.detractorShare, digits: 4)),
            ("bands", .object([
                ("detractors", .array([.integer(0), .integer(nps.bands.detractorMax)])),
                ("passives", passiveRange),
                ("promoters", .array([.integer(nps.bands.promoterMin), .integer(10)])),
            ])),
            ("small_sample", .bool(nps.isSmallSample)),
            ("distribution", distribution(nps.distribution, numeric: true)),
        ])
    }

    func interval(_ interval: ConfidenceInterval, digits: Int) -> JSONValue {
        .array([.decimal(interval.low, digits: digits), .decimal(interval.high, digits: digits)])
    }

    func distribution(_ categories: [CategoryCount], numeric: Bool) -> JSONValue {
        .array(categories.map { category in
            var fields: [(String, JSONValue)] = []
            if numeric, let value = Int(category.label) {
                fields.append(("value", .integer(value)))
                if let description = category.description { fields.append(("label", .string(description))) }
            } else {
                fields.append(("label", .string(category.label)))
            }
            if numeric {
                fields += [("count", .integer(category.count)), ("share", .decimal(category.share, digits: 4))]
            } else if let suppression = category.suppression {
                fields += [("count", .null), ("share", .null), ("suppressed", .string(suppression.rawValue))]
            } else {
                fields += [("count", .integer(category.count)), ("share", .decimal(category.share, digits: 4)), ("suppressed", .null)]
            }
            return .object(fields)
        })
    }
}
