import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// `kiosk summarize` through the real binary, on journals written by the tests.
@Suite struct SummarizeCommandTests {
    /// What one staff-pulse response said.
    private struct Row {
        var score: Int
        var team: String?
        var session: String?
        var reason: String?

        init(_ score: Int, team: String? = nil, session: String? = nil, reason: String? = nil) {
            self.score = score
            self.team = team
            self.session = session
            self.reason = reason
        }

        static func times(_ count: Int, _ row: Row) -> [Row] { Array(repeating: row, count: count) }
    }

    /// One staff-pulse record per row, with distinct ids.
    private func journal(_ rows: [Row], in directory: TemporaryDirectory) throws -> String {
        var text = ""
        for (index, row) in rows.enumerated() {
            var answers: [(questionID: String, answer: Answer)] = [("recommend", .number(row.score))]
            if let reason = row.reason { answers.append(("reason", .text(reason))) }
            if let team = row.team { answers.append(("team", .text(team))) }
            let id = String(format: "00000000-0000-4000-8000-%012d", index + 1)
            text += JournalRecordCoder.encodedLine(JournalFixtures.record(id: id, session: row.session, answers: answers))
        }
        return try JournalFixtures.writeJournal(text, in: directory)
    }

    private func summarize(_ arguments: [String], in directory: TemporaryDirectory) throws -> KioskBinary.PipedRun {
        try KioskBinary.runPiped(
            ["summarize", "--questionnaires", KioskBinary.questionnairesFolder] + arguments,
            input: "", environment: KioskBinary.environment(home: directory.url.path))
    }

    private func json(_ run: KioskBinary.PipedRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }

    /// The first question summary with `id` in the overall section of the first questionnaire.
    private func question(_ id: String, in report: [String: Any]) throws -> [String: Any] {
        let questionnaires = try #require(report["questionnaires"] as? [[String: Any]])
        let overall = try #require(questionnaires.first?["overall"] as? [String: Any])
        let questions = try #require(overall["questions"] as? [[String: Any]])
        return try #require(questions.first { $0["id"] as? String == id })
    }

    @Test func npsAndItsIntervalMatchTheHandCheckedVector() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // 15 promoters, 0 passives, 5 detractors: NPS 50. Adjusted Wald: n' = 23,
        // p' = 15.75/23, d' = 5.75/23, p'-d' = 0.43478, V' = 0.93478 - 0.18904 = 0.74575,
        // 1.96 * sqrt(0.74575/23) = 0.35292, so [8.19, 78.77].
        let path = try journal(Row.times(15, Row(9)) + Row.times(5, Row(3)), in: directory)
        let run = try summarize([path, "--format", "json"], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        let recommend = try question("recommend", in: try json(run))
        #expect(recommend["n"] as? Int == 20)
        #expect(recommend["score"] as? Double == 50)
        #expect(recommend["promoters"] as? Int == 15)
        #expect(recommend["passives"] as? Int == 0)
        #expect(recommend["detractors"] as? Int == 5)
        #expect(recommend["ci95"] as? [Double] == [8.19, 78.77])
    }

    @Test func aSmallGroupAndTheNextSmallestAreSuppressed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Sales 7, Service 6, Support 3: Support is under 5, and alone it could be worked out as
        // the total minus the others, so Service (the next smallest) is suppressed with it.
        let rows = Row.times(7, Row(10, team: "Sales")) + Row.times(6, Row(8, team: "Service"))
            + Row.times(3, Row(0, team: "Support functions"))
        let path = try journal(rows, in: directory)
        let run = try summarize([path, "--by", "team", "--format", "json"], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        let text = run.standardOutput
        let report = try json(run)
        let questionnaires = try #require(report["questionnaires"] as? [[String: Any]])
        let breakdown = try #require(questionnaires.first?["breakdown"] as? [String: Any])
        let groups = try #require(breakdown["groups"] as? [[String: Any]])
        let reasons = Dictionary(uniqueKeysWithValues: groups.compactMap { group in
            (group["label"] as? String).map { ($0, group["suppressed"] as? String ?? "shown") }
        })
        #expect(reasons == ["Sales": "shown", "Service": "complementary", "Support functions": "below_minimum"])
        // No score of the suppressed groups appears anywhere: Service's NPS would be 0, Support's -100.
        #expect(!text.contains("-100"))
    }

    @Test func filtersKeepOnlyTheMatchingResponses() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = [Row(10, session: "q3"), Row(9, session: "q4"), Row(2, session: "q4")]
        let path = try journal(rows, in: directory)
        let run = try summarize([path, "--session", "q4", "--format", "json"], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try question("recommend", in: try json(run))["n"] as? Int == 2)
        let none = try summarize([path, "--since", "2027-01-01"], in: directory)
        #expect(none.status == 0)
        #expect(none.standardOutput.contains("No responses matched"))
    }

    @Test func anEmptyJournalAndAJournalOfOnlyDamagedLinesSayNoResponses() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let empty = try JournalFixtures.writeJournal("", named: "empty.jsonl", in: directory)
        let emptyRun = try summarize([empty], in: directory)
        #expect(emptyRun.status == 0)
        #expect(emptyRun.standardOutput.contains("No responses matched"))
        let damaged = try JournalFixtures.writeJournal([0, 0, 0, 10] + Array("garbage\n{\"format\":1,".utf8), named: "damaged.jsonl", in: directory)
        let damagedRun = try summarize([damaged], in: directory)
        #expect(damagedRun.status == 0)
        #expect(damagedRun.standardOutput.contains("No responses matched"))
        #expect(damagedRun.standardError.contains("skipped 3 damaged lines"))
    }

    @Test func hostileTextNeverReachesTheTerminalAsControlCharacters() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A journal written by something other than kiosk: escape sequences and a bidi override.
        let hostile = "clear \u{1B}[2J\u{1B}]0;owned\u{07} and \u{202E}reversed\u{202C} and \u{9B}31m"
        let rows = Row.times(6, Row(9, reason: hostile))
        let path = try journal(rows, in: directory)
        for format in ["text", "markdown", "csv", "html"] {
            let run = try summarize([path, "--format", format], in: directory)
            #expect(run.status == 0)
            let scalars = run.standardOutput.unicodeScalars
            #expect(!scalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" }, "\(format)")
            #expect(!scalars.contains { (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }, "\(format)")
        }
    }

    @Test func theReportGoesToAPrivateFileButNeverOverAJournal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try journal([Row(9)], in: directory)
        let output = directory.path("report.md")
        let run = try summarize([path, "--format", "markdown", "--output", output], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("# Staff pulse"))
        #expect(try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int == 0o600)
        let overwrite = try summarize([path, "--output", path], in: directory)
        #expect(overwrite.status == 2)
        #expect(try JournalFixtures.contents(of: path).count > 100)
    }
}
