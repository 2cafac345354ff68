@testable import KioskCore
import KioskTestSupport
import Testing

/// `kiosk summarize` filters records as the journal holds them (``RecordView``) and
/// `kiosk export` as decoded records; both must keep exactly the same records.
@Suite struct RecordFilterTests {
    static let records = [
        RecordBuilding.record(questionnaire: "staff-pulse", date: "2026-03-01", session: "q1", location: "hq", id: "a", []),
        RecordBuilding.record(questionnaire: "staff-pulse", date: "2026-04-30", session: "q2", id: "b", []),
        RecordBuilding.record(questionnaire: "customer-nps", date: "2026-05-01", location: "store", id: "c", []),
        // A session spelled with the Kelvin sign, which Swift considers equal to "K".
        RecordBuilding.record(questionnaire: "staff-pulse", date: "2026-05-02", session: "\u{212A}ick-off", id: "d", []),
    ]

    static let filters: [RecordFilter] = [
        .all,
        try! RecordFilter(questionnaire: "staff-pulse"),
        try! RecordFilter(session: "q2"),
        try! RecordFilter(session: "Kick-off"),
        try! RecordFilter(location: "hq"),
        try! RecordFilter(since: "2026-04-30"),
        try! RecordFilter(until: "2026-04-30"),
        try! RecordFilter(questionnaire: "staff-pulse", since: "2026-03-02", until: "2026-05-02"),
    ]

    @Test(arguments: filters)
    func aViewPassesExactlyWhenItsRecordDoes(_ filter: RecordFilter) {
        for record in Self.records {
            var line = JournalRecordCoder.encode(record)
            line.removeLast()
            var scratch = RecordDecoder.Scratch()
            let viewMatches = line.withUnsafeBufferPointer { RecordDecoder.withView(of: $0, scratch: &scratch, filter.matches) }
            #expect(viewMatches == filter.matches(record), "\(record.id)")
        }
    }

    @Test func canonicallyEqualSpellingsMatch() {
        #expect(Self.filters[3].matches(Self.records[3]))
    }
}
