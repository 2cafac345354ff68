/// One question of a questionnaire.
public struct Question: Sendable, Equatable {
    /// Unique within the questionnaire, `[a-z][a-z0-9_]*`; the key of the answer in the journal.
    public var id: String
    /// What the respondent is asked.
    public var prompt: String
    /// Extra guidance shown under the prompt and on `:help`.
    public var help: String?
    /// Whether the respondent may `:skip` it. Defaults: required for scales and choices, optional for text.
    public var isRequired: Bool
    /// Asked only when this condition on earlier answers holds; always asked when `nil`.
    public var condition: Condition?
    /// The type of answer and its constraints.
    public var kind: QuestionKind

    /// Creates a question; `isRequired` defaults to ``QuestionKind/isRequiredByDefault``.
    public init(
        id: String,
        prompt: String,
        help: String? = nil,
        isRequired: Bool? = nil,
        condition: Condition? = nil,
        kind: QuestionKind
    ) {
        self.id = id
        self.prompt = prompt
        self.help = help
        self.isRequired = isRequired ?? kind.isRequiredByDefault
        self.condition = condition
        self.kind = kind
    }
}

/// The type of a question and what makes an answer to it valid.
public enum QuestionKind: Sendable, Equatable {
    /// 0-10 "how likely are you to recommend"; `labels` name the ends (0 and 10).
    case nps(labels: [Int: String])
    /// An integer from `min` to `max`, with optional labels for some values.
    case scale(min: Int, max: Int, labels: [Int: String])
    /// One of `options`. A segment is a reporting dimension that anonymity thresholds apply to.
    case choice(options: [String], isSegment: Bool)
    /// Between `minPicks` and `maxPicks` of `options`.
    case multi(options: [String], minPicks: Int, maxPicks: Int)
    /// "yes" or "no".
    case yesno
    /// Free text of at most `maxLengthCharacters`; with `allowsManyEntries`, one item per line.
    case text(maxLengthCharacters: Int, allowsManyEntries: Bool, themes: [NamedTheme])

    /// The type's name as written in questionnaire files.
    public var typeName: String {
        switch self {
        case .nps: "nps"
        case .scale: "scale"
        case .choice: "choice"
        case .multi: "multi"
        case .yesno: "yesno"
        case .text: "text"
        }
    }

    /// Scales and choices must be answered unless a file says otherwise; text may be skipped.
    public var isRequiredByDefault: Bool {
        if case .text = self { return false }
        return true
    }

    /// The options a respondent picks from, for choice-like questions (yes/no included).
    public var options: [String] {
        switch self {
        case .choice(let options, _), .multi(let options, _, _): options
        case .yesno: ["yes", "no"]
        case .nps, .scale, .text: []
        }
    }

    /// Whether answers are numbers (so `when` compares them with numbers).
    public var isNumeric: Bool {
        switch self {
        case .nps, .scale: true
        case .choice, .multi, .yesno, .text: false
        }
    }
}

/// A theme a questionnaire names in advance: reports count comments containing any keyword.
public struct NamedTheme: Sendable, Equatable {
    /// The theme's name as shown in reports.
    public var name: String
    /// Words or phrases that put a comment in this theme.
    public var keywords: [String]

    /// Creates a named theme.
    public init(name: String, keywords: [String]) {
        self.name = name
        self.keywords = keywords
    }
}
