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
    /// For a segment question or the `--by` question, small options carry a
    /// ``CategoryCount/suppression`` and no figures.
    public var categories: [CategoryCount]

    /// Creates counts.
    public init(kind: Kind, respondentCount: Int, categories: [CategoryCount]) {
        self.kind = kind
        self.respondentCount = respondentCount
        self.categories = categories
    }

    /// Whether any option's count is withheld.
    public var hasSuppressedCategories: Bool { categories.contains { $0.suppression != nil } }
}
