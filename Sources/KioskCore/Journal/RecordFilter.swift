import Foundation

/// Which records a command looks at: by questionnaire, session, location and day range.
///
/// Dates are `YYYY-MM-DD`, so once validated they compare correctly as strings.
public struct RecordFilter: Sendable, Equatable {
    /// Only records of this questionnaire id.
    public var questionnaire: String?
    /// Only records with this session tag.
    public var session: String?
    /// Only records with this location label.
    public var location: String?
    /// Only records on or after this day (`YYYY-MM-DD`).
    public var since: String?
    /// Only records on or before this day (`YYYY-MM-DD`).
    public var until: String?

    /// A filter that keeps every record.
    public static let all = RecordFilter()

    /// Creates a filter.
    ///
    /// - Throws: ``RecordFilterError`` when `since` or `until` is not a real day written
    ///   `YYYY-MM-DD`, or `since` is after `until`.
    public init(
        questionnaire: String? = nil,
        session: String? = nil,
        location: String? = nil,
        since: String? = nil,
        until: String? = nil
    ) throws(RecordFilterError) {
        for (option, value) in [("--since", since), ("--until", until)] {
            if let value, !Self.isValidDay(value) {
                throw RecordFilterError(message: "\(option) '\(value)' is not a day; write it YYYY-MM-DD, like 2026-11-23")
            }
        }
        if let since, let until, since > until {
            throw RecordFilterError(message: "--since \(since) is after --until \(until); swap them")
        }
        self.questionnaire = questionnaire
        self.session = session
        self.location = location
        self.since = since
        self.until = until
    }

    private init() {}

    /// Whether the record passes every condition that is set.
    public func matches(_ record: JournalRecord) -> Bool {
        if let questionnaire, record.questionnaire != questionnaire { return false }
        if let session, record.session != session { return false }
        if let location, record.location != location { return false }
        if let since, record.date < since { return false }
        if let until, record.date > until { return false }
        return true
    }

    /// Whether the record in view passes every condition that is set (compared as Swift
    /// compares strings, as ``matches(_:)-swift.method`` does).
    func matches(_ record: RecordView) -> Bool {
        if let questionnaire, !record.questionnaire.isSameText(as: questionnaire) { return false }
        if let session, !(record.session?.isSameText(as: session) ?? false) { return false }
        if let location, !(record.location?.isSameText(as: location) ?? false) { return false }
        // Both are valid `YYYY-MM-DD` days, which compare as their bytes do.
        if let since, Self.compare(record.date, since) < 0 { return false }
        if let until, Self.compare(record.date, until) > 0 { return false }
        return true
    }

    private static func compare(_ day: ByteSpan, _ other: String) -> Int32 {
        var other = other
        return other.withUTF8 { memcmp(day.baseAddress!, $0.baseAddress!, 10) }
    }

    /// Whether `text` is a real calendar day written `YYYY-MM-DD` (leap years included).
    public static func isValidDay(_ text: String) -> Bool {
        CalendarDay(text) != nil
    }
}

/// A filter option with a value that is not usable, with a message naming the option.
public struct RecordFilterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and how to write it instead.
    public var message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
