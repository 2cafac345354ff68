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
        case .session:
            return session ?? Trend.noSessionLabel
        case .month:
            guard let day = CalendarDay(date) else { return nil }
            return String(day.year) + "-" + twoDigits(day.month)
        case .week:
            guard let day = CalendarDay(date) else { return nil }
            let week = day.isoWeek
            return String(week.year) + "-W" + twoDigits(week.week)
        }
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
