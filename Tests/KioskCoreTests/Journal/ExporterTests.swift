import KioskCore
import KioskTestSupport
import Testing

@Suite struct ExporterTests {
    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+44", "'+44"),
        ("-bad", "'-bad"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("a, b", "\"a, b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        (" padded ", "\" padded \""),
        ("plain text", "plain text"),
        ("=1,\"2\"", "\"'=1,\"\"2\"\"\""),
    ])
    func textCellsAreNeutralizedAndQuoted(text: String, expected: String) {
        #expect(CSVExporter.textCell(text) == expected)
    }

    @Test func numbersStayNumbersAndListsAreJoined() {
        #expect(CSVExporter.cell(.number(-3)) == "-3")
        #expect(CSVExporter.cell(.number(10)) == "10")
        #expect(CSVExporter.cell(.text("-3")) == "'-3")
        #expect(CSVExporter.cell(.list(["slow laptops", "=meetings"])) == "slow laptops; =meetings")
        #expect(CSVExporter.cell(.list(["=meetings", "x"])) == "'=meetings; x")
    }

    @Test func csvHasTheUnionOfColumnsInFirstSeenOrderAndFilters() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lines = [
            JournalFixtures.record(id: "a", session: "s1", answers: [("recommend", .number(9)), ("reason", .text("ok"))]),
            JournalFixtures.record(id: "b", questionnaire: "customer-nps", location: "desk",
                                   answers: [("improve", .list(["x", "y"])), ("recommend", .number(2))]),
            JournalFixtures.record(id: "c", date: "2025-01-01", answers: [("other", .text("old"))]),
        ].map(JournalRecordCoder.encodedLine).joined()
        let path = try JournalFixtures.writeJournal(lines + "junk\n", in: directory)
        var output = ""
        let exporter = CSVExporter(reader: JournalReader(paths: [path]), filter: try RecordFilter(since: "2026-01-01"))
        let result = try exporter.export { output += $0 }
        #expect(output == """
            id,questionnaire,questionnaire_version,date,session,location,recommend,reason,improve\r
            a,staff-pulse,1,2026-11-23,s1,,9,ok,\r
            b,customer-nps,1,2026-11-23,,desk,2,,x; y\r

            """)
        #expect(result.exportedCount == 2)
        #expect(result.summary.problemCount == 1)
    }

    @Test func jsonLinesReEmitsValidRecordsCanonically() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let messy = #"{"answers":{"q":1},"id":"a","format":1,"extra":true,"date":"2026-11-23","questionnaire":"p","questionnaire_version":"1"}"#
        let path = try JournalFixtures.writeJournal(messy + "\n" + JournalFixtures.line(id: "a") + "bad\n", in: directory)
        var output: [UInt8] = []
        let result = try JSONLinesExporter(reader: JournalReader(paths: [path])).export { output += $0 }
        #expect(String(decoding: output, as: UTF8.self)
            == #"{"format":1,"id":"a","questionnaire":"p","questionnaire_version":"1","date":"2026-11-23","answers":{"q":1}}"# + "\n")
        #expect(result.exportedCount == 1)
        #expect(result.summary.duplicateCount == 1)
        #expect(result.summary.problemCount == 1)
    }

    @Test func filterValidatesDays() {
        #expect(throws: RecordFilterError.self) { try RecordFilter(since: "2026-02-30") }
        #expect(throws: RecordFilterError.self) { try RecordFilter(until: "23/11/2026") }
        #expect(throws: RecordFilterError.self) { try RecordFilter(since: "2026-12-01", until: "2026-11-01") }
        #expect((try? RecordFilter(since: "2024-02-29", until: "2024-02-29")) != nil)
        let filter = try? RecordFilter(questionnaire: "staff-pulse", session: "s", location: "l", since: "2026-11-01", until: "2026-11-30")
        #expect(filter?.matches(JournalFixtures.record(session: "s", location: "l")) == true)
        #expect(filter?.matches(JournalFixtures.record(session: "s")) == false)
        #expect(filter?.matches(JournalFixtures.record(date: "2026-12-01", session: "s", location: "l")) == false)
    }
}
