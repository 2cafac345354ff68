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

/// NPS over time for one NPS question.
public struct Trend: Sendable, Equatable {
    /// The NPS question.
    public var questionID: String
    /// Its prompt.
    public var prompt: String
    /// The period used.
    public var period: TrendPeriod
    /// The periods in time order (sessions by their first day, then name).
    public var points: [TrendPoint]

    /// Creates a trend.
    public init(questionID: String, prompt: String, period: TrendPeriod, points: [TrendPoint]) {
        self.questionID = questionID
        self.prompt = prompt
        self.period = period
        self.points = points
    }

    /// The label of the period of records without a session tag.
    public static let noSessionLabel = "(no session)"
    /// The caveat every trend carries.
    public static let samePeopleNote =
        "The same people may have answered in several periods, so periods are not independent samples; treat significance as a guide."
}

/// One period of a trend.
public struct TrendPoint: Sendable, Equatable {
    /// The period's label (`2026-W48`, `2026-11`, a session tag).
    public var period: String
    /// Why the period is hidden, if it is.
    public var suppression: Suppression?
    /// The period's NPS, `nil` when suppressed.
    public var nps: NPSSummary?
    /// The change from the previous shown period, if there is one.
    public var change: TrendChange?

    /// Creates a point.
    public init(period: String, suppression: Suppression?, nps: NPSSummary?, change: TrendChange?) {
        self.period = period
        self.suppression = suppression
        self.nps = nps
        self.change = change
    }
}

/// The change of NPS between two periods.
public struct TrendChange: Sendable, Equatable {
    /// The earlier period compared with.
    public var fromPeriod: String
    /// The difference of the scores, in points.
    public var difference: Double
    /// The two-sample z statistic on the adjusted values.
    public var z: Double
    /// Whether |z| > 1.96.
    public var isSignificant: Bool

    /// Creates a change.
    public init(fromPeriod: String, difference: Double, z: Double, isSignificant: Bool) {
        self.fromPeriod = fromPeriod
        self.difference = difference
        self.z = z
        self.isSignificant = isSignificant
    }
}

/// A `YYYY-MM-DD` day, for grouping by week or month without time zones getting involved.
struct CalendarDay: Equatable {
    var year: Int
    var month: Int
    var day: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 1 for 1 January.
    var ordinal: Int {
        (1..<month).reduce(day) { $0 + Self.daysInMonth(year: year, month: $1) }
    }

    /// 1 = Monday ... 7 = Sunday (Zeller-free: days since 0001-01-01, a Monday, proleptic Gregorian).
    static func weekday(year: Int, ordinal: Int) -> Int {
        let previous = year - 1
        let days = previous * 365 + previous / 4 - previous / 100 + previous / 400 + ordinal - 1
        return days % 7 + 1
    }

    var weekday: Int { Self.weekday(year: year, ordinal: ordinal) }

    static func isoWeeksInYear(_ year: Int) -> Int {
        let januaryFirst = weekday(year: year, ordinal: 1)
        return januaryFirst == 4 || (isLeapYear(year) && januaryFirst == 3) ? 53 : 52
    }

    /// The ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let week = (ordinal - weekday + 10) / 7
        if week < 1 { return (year - 1, Self.isoWeeksInYear(year - 1)) }
        if week > Self.isoWeeksInYear(year) { return (year + 1, 1) }
        return (year, week)
    }
}
