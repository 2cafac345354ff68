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

/// The result for one question.
public struct QuestionSummary: Sendable, Equatable {
    /// The question's id.
    public var id: String
    /// The question's prompt, or its id when the questionnaire's file was not available.
    public var prompt: String
    /// Whether the type was inferred from the answers rather than read from the questionnaire.
    public var isInferred: Bool
    /// How many respondents answered it.
    public var answeredCount: Int
    /// The statistics.
    public var result: QuestionResult

    /// Creates a question summary.
    public init(id: String, prompt: String, isInferred: Bool, answeredCount: Int, result: QuestionResult) {
        self.id = id
        self.prompt = prompt
        self.isInferred = isInferred
        self.answeredCount = answeredCount
        self.result = result
    }
}

/// The statistics of a question, by kind.
public enum QuestionResult: Sendable, Equatable {
    case nps(NPSSummary)
    case scale(ScaleSummary)
    case counts(CountsSummary)
    case text(TextSummary)

    /// The kind's name as the JSON and CSV formats write it.
    public var kindName: String {
        switch self {
        case .nps: "nps"
        case .scale: "scale"
        case .counts(let counts): counts.kind.rawValue
        case .text: "text"
        }
    }
}

/// One bar of a distribution.
public struct CategoryCount: Sendable, Equatable {
    /// What was answered ("9", "Sales", "yes").
    public var label: String
    /// The text a questionnaire gives the value ("Strongly agree"), if any.
    public var description: String?
    /// How many answered it.
    public var count: Int
    /// `count` as a share (0...1) of the distribution's base.
    public var share: Double

    /// Creates a category count.
    public init(label: String, description: String? = nil, count: Int, share: Double) {
        self.label = label
        self.description = description
        self.count = count
        self.share = share
    }
}

/// NPS results.
public struct NPSSummary: Sendable, Equatable {
    /// The bands used.
    public var bands: NPSBands
    /// Respondents who answered.
    public var respondentCount: Int
    /// Promoters.
    public var promoters: Int
    /// Passives.
    public var passives: Int
    /// Detractors.
    public var detractors: Int
    /// The score, -100...100.
    public var score: Double
    /// Promoters as a share (0...1) of respondents.
    public var promoterShare: Double
    /// Passives as a share.
    public var passiveShare: Double
    /// Detractors as a share.
    public var detractorShare: Double
    /// The 95% adjusted-Wald interval, -100...100.
    public var interval95: ConfidenceInterval
    /// The eleven answers 0...10, with counts and shares.
    public var distribution: [CategoryCount]
    /// Whether the sample is under 30, so the interval is wide and the score moves easily.
    public var isSmallSample: Bool

    /// The sample size below which reports add a note.
    public static let smallSampleThreshold = 30

    /// Creates an NPS summary from the 0-10 answer counts.
    public init(valueCounts: [Int: Int], bands: NPSBands) {
        var statistics = NPSStatistics(promoters: 0, passives: 0, detractors: 0)
        for (value, count) in valueCounts {
            switch bands.band(of: value) {
            case .promoter: statistics.promoters += count
            case .passive: statistics.passives += count
            case .detractor: statistics.detractors += count
            }
        }
        let total = statistics.respondentCount
        func share(_ count: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) }
        self.bands = bands
        respondentCount = total
        promoters = statistics.promoters
        passives = statistics.passives
        detractors = statistics.detractors
        score = statistics.score
        promoterShare = share(statistics.promoters)
        passiveShare = share(statistics.passives)
        detractorShare = share(statistics.detractors)
        interval95 = statistics.interval95
        distribution = (0...10).map { value in
            CategoryCount(label: String(value), count: valueCounts[value] ?? 0, share: share(valueCounts[value] ?? 0))
        }
        isSmallSample = total < Self.smallSampleThreshold
    }
}

/// Results of a numeric scale (or of numbers inferred without a questionnaire).
public struct ScaleSummary: Sendable, Equatable {
    /// The lowest value on the scale (or observed, when inferred).
    public var minimum: Int
    /// The highest value.
    public var maximum: Int
    /// Respondents who answered.
    public var respondentCount: Int
    /// Every value from `minimum` to `maximum`, with counts and shares.
    public var distribution: [CategoryCount]
    /// The mean answer.
    public var mean: Double
    /// The sample standard deviation, from two answers on.
    public var standardDeviation: Double?
    /// The mean's 95% t-interval, from two answers on.
    public var meanInterval95: ConfidenceInterval?
    /// The two highest values' share with its Agresti-Coull interval; absent for inferred scales.
    public var topTwoBox: ProportionSummary?

    /// Creates a scale summary.
    public init(
        minimum: Int, maximum: Int, respondentCount: Int, distribution: [CategoryCount], mean: Double,
        standardDeviation: Double?, meanInterval95: ConfidenceInterval?, topTwoBox: ProportionSummary?
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.respondentCount = respondentCount
        self.distribution = distribution
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.meanInterval95 = meanInterval95
        self.topTwoBox = topTwoBox
    }
}

/// A share with its interval.
public struct ProportionSummary: Sendable, Equatable {
    /// How many qualify.
    public var count: Int
    /// Out of how many.
    public var base: Int
    /// `count / base`.
    public var share: Double
    /// The 95% Agresti-Coull interval of the share.
    public var interval95: ConfidenceInterval

    /// Creates a proportion summary.
    public init(count: Int, base: Int, share: Double, interval95: ConfidenceInterval) {
        self.count = count
        self.base = base
        self.share = share
        self.interval95 = interval95
    }
}

/// Counts of choices.
public struct CountsSummary: Sendable, Equatable {
    /// Which kind of question the counts belong to.
    public enum Kind: String, Sendable, Equatable {
        case choice
        case multi
        case yesno
    }

    /// Which kind of question the counts belong to.
    public var kind: Kind
    /// Respondents who answered: the base of every share (for `multi`, shares add up to more than 1).
    public var respondentCount: Int
    /// The options in questionnaire order, then answers outside the options by count and name.
    public var categories: [CategoryCount]

    /// Creates counts.
    public init(kind: Kind, respondentCount: Int, categories: [CategoryCount]) {
        self.kind = kind
        self.respondentCount = respondentCount
        self.categories = categories
    }
}

/// Free-text results: how many commented and the themes of what they said.
public struct TextSummary: Sendable, Equatable {
    /// Respondents who wrote something.
    public var commenterCount: Int
    /// Entries written (more than commenters when a question takes several entries).
    public var entryCount: Int
    /// The themes, predefined first.
    public var themes: [Theme]
    /// Commenters in no theme.
    public var uncategorizedCount: Int

    /// Creates a text summary.
    public init(commenterCount: Int, entryCount: Int, themes: [Theme], uncategorizedCount: Int) {
        self.commenterCount = commenterCount
        self.entryCount = entryCount
        self.themes = themes
        self.uncategorizedCount = uncategorizedCount
    }
}

/// A report broken down by the answers to one question.
public struct Breakdown: Sendable, Equatable {
    /// The question the groups come from.
    public var questionID: String
    /// Its prompt.
    public var prompt: String
    /// The groups: the question's options in order, then other answers by name, then "(no answer)".
    public var groups: [Group]

    /// Creates a breakdown.
    public init(questionID: String, prompt: String, groups: [Group]) {
        self.questionID = questionID
        self.prompt = prompt
        self.groups = groups
    }

    /// The label of the group of respondents who skipped the question.
    public static let noAnswerLabel = "(no answer)"
}

/// One group of a breakdown.
public struct Group: Sendable, Equatable {
    /// The answer that defines the group, or ``Breakdown/noAnswerLabel``.
    public var label: String
    /// Whether this is the group of respondents who skipped the question.
    public var isNoAnswer: Bool
    /// Why the group is hidden, if it is; a hidden group shows no figures, not even its size.
    public var suppression: Suppression?
    /// The group's results, `nil` when suppressed.
    public var section: Section?

    /// Creates a group.
    public init(label: String, isNoAnswer: Bool, suppression: Suppression?, section: Section?) {
        self.label = label
        self.isNoAnswer = isNoAnswer
        self.suppression = suppression
        self.section = section
    }
}

/// Why a group or period is not shown.
public enum Suppression: String, Sendable, Equatable {
    /// Fewer respondents than the minimum group size.
    case belowMinimum = "below_minimum"
    /// Large enough, but hidden so the one small group cannot be worked out by subtraction.
    case complementary = "complementary"
}
