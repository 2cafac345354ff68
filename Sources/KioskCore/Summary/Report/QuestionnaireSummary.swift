/// The report on one questionnaire.
public struct QuestionnaireSummary: Sendable, Equatable {
    /// The questionnaire's id.
    public var id: String
    /// The questionnaire's title, or its id when its file was not available.
    public var title: String
    /// Whether the questionnaire's file was missing, so question types were inferred from answers.
    public var isDefinitionMissing: Bool
    /// Every questionnaire version that answered, sorted.
    public var versions: [String]
    /// How many responses were summarized.
    public var responseCount: Int
    /// The first and last day answered (`YYYY-MM-DD`), if any date was valid.
    public var firstDate: String?
    /// The last day answered.
    public var lastDate: String?
    /// Session tags that occur, sorted.
    public var sessions: [String]
    /// Warnings and notes about the data, in a fixed order.
    public var notes: [String]
    /// Every respondent together.
    public var overall: Section
    /// The breakdown by `--by`, when asked for and possible.
    public var breakdown: Breakdown?
    /// NPS trends, one per NPS question, when `--trend` was given.
    public var trends: [Trend]

    /// Creates a summary.
    public init(
        id: String, title: String, isDefinitionMissing: Bool, versions: [String], responseCount: Int,
        firstDate: String?, lastDate: String?, sessions: [String], notes: [String], overall: Section,
        breakdown: Breakdown?, trends: [Trend]
    ) {
        self.id = id
        self.title = title
        self.isDefinitionMissing = isDefinitionMissing
        self.versions = versions
        self.responseCount = responseCount
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.sessions = sessions
        self.notes = notes
        self.overall = overall
        self.breakdown = breakdown
        self.trends = trends
    }
}

/// The per-question results for a set of respondents (everyone, or one group).
public struct Section: Sendable, Equatable {
    /// How many respondents the section covers.
    public var respondentCount: Int
    /// One result per question, in questionnaire order (inferred questions after, by id).
    public var questions: [QuestionSummary]

    /// Creates a section.
    public init(respondentCount: Int, questions: [QuestionSummary]) {
        self.respondentCount = respondentCount
        self.questions = questions
    }
}
