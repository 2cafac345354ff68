/// Everything `kiosk summarize` says, computed once from the journal and rendered by each format.
///
/// Renderers only lay this value out; every number in any output is a field here.
/// All arrays are in a defined order (documented per field), never in journal order.
public struct Report: Sendable, Equatable {
    /// The settings the report was made with.
    public var settings: ReportSettings
    /// One summary per questionnaire, ordered by questionnaire id.
    public var questionnaires: [QuestionnaireSummary]

    /// Creates a report.
    public init(settings: ReportSettings, questionnaires: [QuestionnaireSummary]) {
        self.settings = settings
        self.questionnaires = questionnaires
    }

    /// Whether there were no responses at all (the report then says so and nothing else).
    public var isEmpty: Bool { questionnaires.isEmpty }

    /// The sentence every format prints for an empty report.
    public static let noResponsesMessage = "No responses matched: the journal is empty or the filters left nothing."
}

/// The settings a report was made with, printed so readers know what they are looking at.
public struct ReportSettings: Sendable, Equatable {
    /// Groups and periods with fewer respondents are suppressed.
    public var minGroup: Int
    /// The question the report is broken down by, if any.
    public var groupBy: String?
    /// The period NPS trends are computed over, if any.
    public var trend: TrendPeriod?

    /// Creates settings.
    public init(minGroup: Int, groupBy: String?, trend: TrendPeriod?) {
        self.minGroup = minGroup
        self.groupBy = groupBy
        self.trend = trend
    }
}
