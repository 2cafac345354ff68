import Foundation
import KioskCore
import Testing

/// The whole report over a fixed 2,000-response journal, compared byte for byte with files
/// saved from the code as it was before the performance work (commit 37c7d18, 2026-11-23).
///
/// The journal was made by `bench/generate-journal 2000 journal.jsonl --damaged-every 500
/// --duplicate-every 400` (seed 2026): four shipped questionnaires, free text from phrase pieces,
/// 4 damaged lines and 5 duplicates. The expected reports were written by that commit's
/// `kiosk summarize` (see `Fixtures/summary-2000/README.md`) and read through once by hand: the
/// counts add up, the damaged lines and duplicates are left out, the themes are plausible.
/// Any later speed-up (parallel reading, another parser, bounded theme samples) must keep them.
@Suite struct SummaryGoldenTests {
    /// `<repo>/Tests/KioskCoreTests/Summary/Report/SummaryGoldenTests.swift` -> `<repo>`.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/KioskCoreTests/Fixtures/summary-2000")

    static func questionnaires() throws -> [String: Questionnaire] {
        let folder = repository.appendingPathComponent("questionnaires").path
        let entries = try QuestionnaireCatalog(directory: folder).entries()
        return Dictionary(uniqueKeysWithValues: entries.compactMap(\.questionnaire).map { ($0.id, $0) })
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static func report(options: SummaryOptions) throws -> Report {
        var builder = SummaryBuilder(questionnaires: try questionnaires(), options: options)
        _ = try JournalReader(paths: [fixtures.appendingPathComponent("journal.jsonl").path]).forEachRecord {
            builder.add($0)
        }
        return builder.report()
    }

    @Test func jsonAndTextReportsMatchThePreOptimisationOutput() throws {
        let report = try Self.report(options: SummaryOptions())
        #expect(JSONReportRenderer().render(report) == (try Self.expected("report.json")))
        #expect(TextReportRenderer().render(report) == (try Self.expected("report.txt")))
    }

    @Test func breakdownAndTrendMatchThePreOptimisationOutput() throws {
        let report = try Self.report(options: SummaryOptions(groupBy: "team", trend: .month))
        #expect(MarkdownReportRenderer().render(report) == (try Self.expected("report-by-team.md")))
    }
}
