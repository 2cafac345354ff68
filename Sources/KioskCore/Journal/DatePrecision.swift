import Foundation

/// How precisely a response's `date` is stored.
///
/// The day is the default. On a small site, the day and the location together can point at the
/// one person on shift; storing the week (as its Monday) or the month (as its first day) keeps
/// the journal's `YYYY-MM-DD` format while saying less.
public enum DatePrecision: String, Sendable, Equatable, CaseIterable {
    case day
    case week
    case month

    /// The first day of the period `date` falls in, in `calendar`'s time zone.
    func start(of date: Date, in calendar: Calendar) -> DateComponents {
        let day = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        switch self {
        case .day:
            return DateComponents(year: day.year, month: day.month, day: day.day)
        case .month:
            return DateComponents(year: day.year, month: day.month, day: 1)
        case .week:
            // ISO weeks start on Monday; weekday is 1 for Sunday ... 7 for Saturday.
            let daysSinceMonday = ((day.weekday ?? 2) + 5) % 7
            let monday = calendar.date(byAdding: .day, value: -daysSinceMonday, to: date) ?? date
            return calendar.dateComponents([.year, .month, .day], from: monday)
        }
    }
}
