@testable import KioskCore
import Testing

/// The day parser reads the date of every record a word at a time; it must accept exactly the
/// strings a plain byte-by-byte reading of `YYYY-MM-DD` accepts, and read the same day.
@Suite struct CalendarDayTests {
    /// The plain reading: ten bytes, dashes at 4 and 7, ASCII digits elsewhere, a month of the
    /// year and a day of that month (29 February in leap years only).
    private static func reference(_ bytes: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var digits: [Int] = []
        for index in [0, 1, 2, 3, 5, 6, 8, 9] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
            digits.append(Int(bytes[index] - UInt8(ascii: "0")))
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
        let isLeap = year % 400 == 0 || (year % 4 == 0 && year % 100 != 0)
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...lengths[month - 1]).contains(day) else { return nil }
        return (year, month, day)
    }

    private static func parsed(_ bytes: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        bytes.withUnsafeBufferPointer { CalendarDay($0) }.map { ($0.year, $0.month, $0.day) }
    }

    private static func expectSame(_ bytes: [UInt8]) {
        let expected = reference(bytes), actual = parsed(bytes)
        #expect(expected?.year == actual?.year && expected?.month == actual?.month && expected?.day == actual?.day,
                "\(bytes)")
    }

    @Test func readsRealDaysAndRefusesOthers() {
        #expect(CalendarDay("2026-11-23").map { [$0.year, $0.month, $0.day] } == [2026, 11, 23])
        #expect(CalendarDay("0000-01-01").map { [$0.year, $0.month, $0.day] } == [0, 1, 1])
        #expect(CalendarDay("9999-12-31").map { [$0.year, $0.month, $0.day] } == [9999, 12, 31])
        #expect(CalendarDay("2024-02-29") != nil && CalendarDay("2000-02-29") != nil)
        for text in ["2026-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "2026-13-01", "2026-01-00", "2026-01-32",
                     "2026-1-01", "2026-01-1", "2026/01/01", "2026-01-01 ", " 2026-01-01", "２026-01-01", ""] {
            #expect(CalendarDay(text) == nil, "\(text)")
        }
    }

    /// Every day and non-day of several years, leap and not, around each month's end.
    @Test func agreesWithAPlainReadingOnEveryMonthAndDay() {
        for year in ["0000", "1900", "2000", "2023", "2024", "2026", "2100", "9999"] {
            for month in 0...19 {
                for day in 0...39 {
                    let text = year + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
                    Self.expectSame(Array(text.utf8))
                }
            }
        }
    }

    /// Every byte value in every position of a few days, and each length but ten: the bytes
    /// next to the digits (`/`, `:`), high bytes that would carry in a word, and the dashes.
    @Test func agreesWithAPlainReadingWithAnyByteAnywhere() {
        for text in ["2026-11-23", "2024-02-29", "1999-09-09", "2000-10-10"] {
            let bytes = Array(text.utf8)
            for position in bytes.indices {
                for value in UInt8.min...UInt8.max {
                    var changed = bytes
                    changed[position] = value
                    Self.expectSame(changed)
                }
            }
            for length in 0...12 where length != 10 {
                Self.expectSame(Array((bytes + bytes).prefix(length)))
            }
        }
    }
}
