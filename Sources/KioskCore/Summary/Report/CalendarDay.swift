/// A `YYYY-MM-DD` day, for checking, ordering and grouping dates by week or month without time
/// zones getting involved. The one parser of the journal's dates: the decoder, the filters and
/// the report all read a day through it.
struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

    /// The day `text` names, written exactly `YYYY-MM-DD` in ASCII digits; `nil` for anything
    /// else, or a day the calendar does not have (leap years included).
    init?(_ text: String) {
        var text = text
        guard let day = text.withUTF8(CalendarDay.init) else { return nil }
        self = day
    }

    /// The day the bytes name, as ``init(_:)-(String)`` reads it.
    init?(_ bytes: ByteSpan) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`, as the journal writes it.
    var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
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

    /// The month as a trend labels it: `2026-11`.
    var monthLabel: String {
        String(year) + "-" + Self.twoDigits(month)
    }

    /// The ISO week as a trend labels it: `2026-W48`.
    var weekLabel: String {
        let week = isoWeek
        return String(week.year) + "-W" + Self.twoDigits(week.week)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
