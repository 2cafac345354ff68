import Foundation
import KioskTestSupport
import Testing

/// Journals nobody should have to read: every damaged line is skipped and counted, good records
/// still count, and no line is ever held in memory whole.
@Suite struct HostileJournalTests {
    private static let good = #"{"format":1,"id":"00000000-0000-4000-8000-0000000000%02d","questionnaire":"staff-pulse","questionnaire_version":"1","date":"2026-11-23","answers":{"recommend":%d}}"#

    /// Three good records around eight kinds of damage, one per line.
    private func hostileJournal(in directory: TemporaryDirectory) throws -> String {
        var bytes: [UInt8] = []
        func line(_ text: String) { bytes += Array(text.utf8) + [10] }
        line(String(format: Self.good, 1, 9))
        line(String(repeating: "[", count: 100_000))                                    // deep nesting
        line(#"{"format":1,"id":"x","questionnaire":"q","questionnaire_version":"1","date":"2026-11-23","answers":{"recommend":1e999999}}"#)
        line(#"{"format":1,"id":"y","questionnaire":"q","questionnaire_version":"1","date":"2026-11-23","answers":{"recommend":123456789012345678901234567890}}"#)
        line(#"{"format":1,"id":7,"questionnaire":["q"],"questionnaire_version":{},"date":null,"answers":"none"}"#) // wrong types
        line("{\"format\":1,\"id\":\"" + String(repeating: "z", count: 10 << 20) + "\"}")   // a 10 MB line
        bytes += [UInt8](repeating: 0, count: 4096) + [10]                                  // a NUL run
        line(String(format: Self.good, 2, 3))
        bytes += (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }.filter { $0 != 10 } + [10] // binary garbage
        line(String(format: Self.good, 3, 10))
        return try JournalFixtures.writeJournal(bytes, in: directory)
    }

    private func run(_ arguments: [String], _ directory: TemporaryDirectory) throws -> KioskBinary.PipedRun {
        try KioskBinary.runPiped(arguments, input: "", environment: KioskBinary.environment(home: directory.url.path))
    }

    @Test func everyReaderSkipsAndCountsTheDamageAndKeepsTheGoodRecords() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try hostileJournal(in: directory)

        let check = try run(["check", path], directory)
        #expect(check.status == 1)
        for line in [2, 3, 4, 5, 6, 7, 9] {
            #expect(check.standardError.contains("\(path):\(line): error:"), "line \(line): \(check.standardError)")
        }
        #expect(!check.standardError.contains("\(path):1:"))
        #expect(!check.standardError.contains("\(path):8:"))

        let summary = try run(["summarize", path, "--format", "json", "--questionnaires", KioskBinary.questionnairesFolder], directory)
        #expect(summary.status == 0, "\(summary.standardError)")
        #expect(summary.standardError.contains("skipped 7 damaged lines"))
        #expect(summary.standardOutput.contains("\"n\": 3"))

        let export = try run(["export", path, "--format", "jsonl"], directory)
        #expect(export.status == 0, "\(export.standardError)")
        #expect(export.standardOutput.split(separator: "\n").count == 3)

        // Each line is capped at 1 MiB while reading, so a 10 MB line never sits in memory: the
        // peak stays far below the 10 MB it would take to hold it even once, over the ~25 MB a
        // debug build of kiosk needs to start.
        let environment = KioskBinary.environment(home: directory.url.path)
        let tenMegabyteLine = try JournalFixtures.writeJournal(
            "{\"id\":\"" + String(repeating: "z", count: 10 << 20) + "\"}\n", named: "long.jsonl", in: directory)
        try JournalFixtures.writeJournal("", named: "empty.jsonl", in: directory)
        let empty = try KioskBinary.measure(["check", directory.path("empty.jsonl")], environment: environment)
        let long = try KioskBinary.measure(["check", tenMegabyteLine], environment: environment)
        #expect(empty.status == 0 && long.status == 1)
        #expect(long.peakKiB - empty.peakKiB < 5 * 1024, "a 10 MB line cost \(long.peakKiB - empty.peakKiB) KiB")
    }

    @Test func aFileThatIsNotAJournalAtAllIsReportedNotFatal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try JournalFixtures.writeJournal((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 131) }, in: directory)
        let summary = try run(["summarize", path], directory)
        #expect(summary.status == 0)
        #expect(summary.standardOutput.contains("No responses matched"))
        #expect(summary.standardError.contains("damaged line"))
        let check = try run(["check", path], directory)
        #expect(check.status == 1)
    }
}
