/// A report broken down by the answers to one question.
public struct Breakdown: Sendable, Equatable {
    /// The question the groups come from.
    public var questionID: String
    /// Its prompt.
    public var prompt: String
    /// The groups: the question's options in order, then other answers by name, then "(no answer)".
    public var groups: [BreakdownGroup]

    /// Creates a breakdown.
    public init(questionID: String, prompt: String, groups: [BreakdownGroup]) {
        self.questionID = questionID
        self.prompt = prompt
        self.groups = groups
    }

    /// The label of the group of respondents who skipped the question.
    public static let noAnswerLabel = "(no answer)"
}

/// One group of a breakdown.
public struct BreakdownGroup: Sendable, Equatable {
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
