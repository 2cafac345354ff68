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
    /// Set in a breakdown group with fewer commenters than the minimum group size, or whose
    /// themes would give a smaller group's away by subtraction from the overall ones: the
    /// counts stay, the themes and quotes are withheld (`themes` is empty).
    public var commentsSuppression: Suppression?

    /// Creates a text summary.
    public init(
        commenterCount: Int, entryCount: Int, themes: [Theme], uncategorizedCount: Int,
        commentsSuppression: Suppression? = nil
    ) {
        self.commentsSuppression = commentsSuppression
        self.commenterCount = commenterCount
        self.entryCount = entryCount
        self.themes = themes
        self.uncategorizedCount = uncategorizedCount
    }

    /// Withholds the themes and quotes, for `reason`; the counts stay.
    mutating func withholdComments(_ reason: Suppression) {
        themes = []
        uncategorizedCount = 0
        commentsSuppression = reason
    }
}
