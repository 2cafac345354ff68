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
    ///
    /// The eight digits are checked and read as one word (SWAR) rather than a byte at a time:
    /// the decoder reads every record's date, and the loop showed in the profile.
    init?(_ bytes: ByteSpan) {
        guard bytes.count == 10, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        // `YYYY-MM-` little-endian: byte 0 is the first digit of the year.
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        guard head & Self.dashMask == Self.dashes else { return nil }
        // The day's two digits take the dashes' places, so that one test checks all eight.
        let tail = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)))
        let digits = head & ~Self.dashMask | (tail & 0xFF) << 32 | (tail >> 8) << 56
        guard Self.areAllDigits(digits) else { return nil }
        let values = digits &- Self.zeros
        func digit(_ index: Int) -> Int { Int(truncatingIfNeeded: values >> (8 * index)) & 0xFF }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6)
        let day = digit(4) * 10 + digit(7)
        guard month >= 1, month <= 12, day >= 1, day <= Self.daysInMonth(year: year, month: month) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The bytes of `YYYY-MM-` that must be dashes (4 and 7), and the dashes.
    private static let dashMask: UInt64 = 0xFF00_00FF_0000_0000
    private static let dashes: UInt64 = 0x2D00_002D_0000_0000
    /// An ASCII `0` in every byte.
    private static let zeros: UInt64 = 0x3030_3030_3030_3030

    /// Whether every byte of `word` is an ASCII digit, 0x30 to 0x39: its high half is 3, and
    /// still 3 with 6 added (0x3A and up carry into it). A byte that could carry into the next
    /// one (0xFA and up) fails the first test, so the carry never decides the answer.
    private static func areAllDigits(_ word: UInt64) -> Bool {
        let highHalves: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        return word & highHalves == zeros && (word &+ 0x0606_0606_0606_0606) & highHalves == zeros
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
