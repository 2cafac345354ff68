/// The periods a trend can be computed over.
public enum TrendPeriod: String, Sendable, Equatable, CaseIterable {
    /// Each session tag.
    case session
    /// ISO weeks (`2026-W48`).
    case week
    /// Calendar months (`2026-11`).
    case month

    /// The period a record falls in, or `nil` when its date cannot be read.
    public func key(date: String, session: String?) -> String? {
        switch self {
        case .session: session ?? Trend.noSessionLabel
        case .week: CalendarDay(date)?.weekLabel
        case .month: CalendarDay(date)?.monthLabel
        }
    }
}
