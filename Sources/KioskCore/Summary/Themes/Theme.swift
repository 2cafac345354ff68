/// A group of comments that talk about the same thing, with a few of them quoted.
public struct Theme: Sendable, Equatable {
    /// What the theme is called: a questionnaire's theme name, or the most common wording of
    /// the term the theme was built around.
    public var label: String
    /// Whether the questionnaire defined the theme (counted before themes are discovered).
    public var isPredefined: Bool
    /// The words and phrases that put a comment in the theme, as respondents wrote them.
    public var keywords: [String]
    /// How many commenters wrote something in the theme.
    public var commenterCount: Int
    /// `commenterCount` as a share (0...1) of everyone who commented.
    public var commenterShare: Double
    /// Up to three comments that show what the theme is about, none a near-copy of another.
    public var quotes: [String]

    /// Creates a theme.
    public init(
        label: String, isPredefined: Bool, keywords: [String], commenterCount: Int,
        commenterShare: Double, quotes: [String]
    ) {
        self.label = label
        self.isPredefined = isPredefined
        self.keywords = keywords
        self.commenterCount = commenterCount
        self.commenterShare = commenterShare
        self.quotes = quotes
    }
}

/// The themes of one question's comments.
public struct ThemeAnalysis: Sendable, Equatable {
    /// Respondents who wrote at least one non-empty entry.
    public var commenterCount: Int
    /// Predefined themes first (in the questionnaire's order), then discovered ones by size.
    public var themes: [Theme]
    /// Commenters in no theme.
    public var uncategorizedCount: Int

    /// Creates an analysis.
    public init(commenterCount: Int, themes: [Theme], uncategorizedCount: Int) {
        self.commenterCount = commenterCount
        self.themes = themes
        self.uncategorizedCount = uncategorizedCount
    }
}
