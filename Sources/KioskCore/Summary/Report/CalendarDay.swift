/// A `YYYY-MM-DD` day, for grouping by week or month without time zones getting involved.
struct CalendarDay: Equatable {
    var year: Int
    var month: Int
    var day: Int

    init?(_ text: String) {
        // Nearly every date is plain `DDDD-DD-DD` digits: read those as bytes, since splitting
        // into substrings and counting characters cost as much as the rest of a tally's add.
        if let fast = Self.plainDigits(text) {
            guard (1...12).contains(fast.month), fast.day >= 1, fast.day <= Self.daysInMonth(year: fast.year, month: fast.month)
            else { return nil }
            (year, month, day) = fast
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Year, month and day of a `DDDD-DD-DD` text of ASCII digits; `nil` for anything else,
    /// which the general parse decides.
    private static func plainDigits(_ text: String) -> (year: Int, month: Int, day: Int)? {
        var text = text
        return text.withUTF8 { bytes -> (year: Int, month: Int, day: Int)? in
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
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
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
