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
