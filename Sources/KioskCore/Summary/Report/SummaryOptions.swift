/// How `kiosk summarize` should summarize: the settings that change figures, not layout.
public struct SummaryOptions: Sendable {
    /// Groups and periods with fewer respondents are suppressed (`--min-group`, default 5).
    public var minGroup: Int
    /// The question to break the report down by (`--by`).
    public var groupBy: String?
    /// The period for NPS trends (`--trend`).
    public var trend: TrendPeriod?
    /// How text answers are grouped into themes.
    public var themeFinder: ThemeFinder

    /// Creates options; the defaults are those of the command line.
    public init(minGroup: Int = 5, groupBy: String? = nil, trend: TrendPeriod? = nil, themeFinder: ThemeFinder = ThemeFinder()) {
        self.minGroup = minGroup
        self.groupBy = groupBy
        self.trend = trend
        self.themeFinder = themeFinder
    }
}
