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
    /// Why the question's figures are withheld, if they are: it is (or may be) asked only of a
    /// group, by its `when`, and too few answered it or its figures would give a withheld count
    /// away (see ``GroupAskedQuestions``). `answeredCount` is then 0 and `result` has no
    /// answers; renderers show the reason instead.
    public var suppression: Suppression?

    /// Creates a question summary.
    public init(
        id: String, prompt: String, isInferred: Bool, answeredCount: Int, result: QuestionResult, suppression: Suppression? = nil
    ) {
        self.id = id
        self.prompt = prompt
        self.isInferred = isInferred
        self.answeredCount = answeredCount
        self.result = result
        self.suppression = suppression
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
    /// How many answered it; 0 when ``suppression`` is set (the real count is not in the report).
    public var count: Int
    /// `count` as a share (0...1) of the distribution's base; 0 when ``suppression`` is set.
    public var share: Double
    /// Why the count is withheld, if it is: options of a segment question (or of the `--by`
    /// question) chosen by fewer than the minimum group size, and the next-smallest with them
    /// when they are fewer than that together. Renderers show such an option without any figure.
    public var suppression: Suppression?

    /// Creates a category count.
    public init(label: String, description: String? = nil, count: Int, share: Double, suppression: Suppression? = nil) {
        self.label = label
        self.description = description
        self.count = count
        self.share = share
        self.suppression = suppression
    }
}
