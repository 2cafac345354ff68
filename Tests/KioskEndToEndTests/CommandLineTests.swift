import Foundation
import KioskTestSupport
import Testing

/// validate, list, export and check through the real binary: what an operator types and reads.
@Suite struct CommandLineTests {
    private func run(_ arguments: [String], in directory: TemporaryDirectory, input: String = "") throws -> KioskBinary.PipedRun {
        try KioskBinary.runPiped(arguments, input: input, environment: KioskBinary.environment(home: directory.url.path))
    }

    @Test func validateAcceptsTheShippedQuestionnaires() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try run(["validate", KioskBinary.questionnairesFolder], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        for id in ["staff-pulse", "customer-nps", "workshop-barriers", "brand-alignment"] {
            #expect(result.standardOutput.contains("ok: \(id) "))
        }
    }

    @Test func validateReportsFileLineColumnAndTheNearestKey() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("broken.yaml")
        try """
            id: broken
            version: 1
            title: Broken
            questions:
              - id: recommend
                type: nps
                promt: How likely?
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["validate", path], in: directory)
        #expect(result.status == 1)
        // Line 7, column 5: where `promt` starts.
        #expect(result.standardError.contains("\(path):7:5: error: unknown key 'promt'; did you mean 'prompt'?"))
    }

    @Test func listShowsIdTitleAndQuestionCount() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try run(["list", "--questionnaires", KioskBinary.questionnairesFolder], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let staffPulse = try #require(result.standardOutput.split(separator: "\n").first { $0.contains("staff-pulse") })
        #expect(staffPulse.contains("Staff pulse"))
        #expect(staffPulse.contains("6"))
    }

    @Test func checkNamesDamagedLinesAndExitsOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = JournalFixtures.line(id: "00000000-0000-4000-8000-000000000001")
        let path = try JournalFixtures.writeJournal(good + "garbage\n" + good + "{\"format\":1,\"id\":", in: directory)
        let result = try run(["check", path], in: directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(path):2: error:"))
        #expect(result.standardError.contains("\(path):4: error:"))
        #expect(result.standardError.contains("\(path):3: warning:"), "the duplicate of line 1")
    }

    @Test func exportNeutralizesFormulasInCSV() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let line = #"{"format":1,"id":"00000000-0000-4000-8000-000000000009","questionnaire":"staff-pulse","questionnaire_version":"1","date":"2026-11-23","answers":{"recommend":3,"reason":"=HYPERLINK(\"http://x\")"}}"#
        let path = try JournalFixtures.writeJournal(line + "\n", in: directory)
        let result = try run(["export", path, "--format", "csv"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(",3,"))
        #expect(result.standardOutput.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    }

    @Test func aUsageErrorExitsTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let unknownOption = try run(["run", "staff-pulse", "--no-such-option"], in: directory)
        #expect(unknownOption.status == 2)
        #expect(unknownOption.standardError.contains("--no-such-option"))
        let badTimeout = try run(["run", "staff-pulse", "--idle-timeout", "-5"], in: directory)
        #expect(badTimeout.status == 2)
    }

    @Test func kioskModeRefusesToStartWithoutAnAdminPIN() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try run(["run", "staff-pulse", "--loop", "--dry-run", "--questionnaires", KioskBinary.questionnairesFolder], in: directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains("kiosk pin"))
        #expect(!result.standardOutput.contains("Press Enter"))
    }
}
