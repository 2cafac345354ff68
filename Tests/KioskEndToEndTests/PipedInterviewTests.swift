import Foundation
import KioskTestSupport
import Testing

/// The same flow with standard input from a pipe: one plain line per prompt.
@Suite struct PipedInterviewTests {
    @Test func aPipedResponseIsAppendedAsOneAnonymousRecord() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let run = try KioskBinary.runPiped(
            fixture.runArguments(["--session", "q4-offsite"]),
            input: "\n9\nMy manager listens\nservice\n\n",
            environment: fixture.environment())
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Thanks for testing."))
        #expect(run.standardOutput.contains("Response saved to \(fixture.journalPath)."))
        // Piped output is not a terminal: no escape sequences at all.
        #expect(!run.standardOutput.contains("\u{1B}"))

        let records = try fixture.journalRecords()
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(Set(record.keys) == ["format", "id", "questionnaire", "questionnaire_version", "date", "session", "answers"])
        #expect(record["format"] as? Int == 1)
        #expect(record["questionnaire"] as? String == "e2e")
        #expect(record["questionnaire_version"] as? String == "1")
        #expect(record["session"] as? String == "q4-offsite")
        let id = try #require(record["id"] as? String)
        #expect(id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        #expect(record["date"] as? String == formatter.string(from: Date()))
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["recommend"] as? Int == 9)
        #expect(answers["reason"] as? String == "My manager listens")
        #expect(answers["team"] as? String == "Service")

        let mode = try FileManager.default.attributesOfItem(atPath: fixture.journalPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func personalDetailsControlCharactersAndNULsNeverReachTheJournal() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        var input = Array("\n3\n".utf8)
        // An escape sequence, a bidi override, invalid UTF-8 and an e-mail address in one answer.
        input += Array("Ask \u{1B}[31mjane.doe@example.com\u{202E} or call +44 20 7946 0958".utf8)
        input += [0xFF, 0xFE, 0x00, 0x00]
        input += Array(" today\n1\n\n".utf8)
        let run = try KioskBinary.runPiped(fixture.runArguments(), inputBytes: input, environment: fixture.environment())
        #expect(run.status == 0, "\(run.standardError)")
        let journal = try String(contentsOfFile: fixture.journalPath, encoding: .utf8)
        #expect(!journal.contains("jane"))
        #expect(!journal.contains("\\u001b"))
        #expect(!journal.contains("\u{202E}"))
        #expect(!journal.contains("\\u0000"))
        #expect(!journal.utf8.contains(0))
        let reason = try #require(try fixture.onlyAnswers()["reason"] as? String)
        #expect(reason.contains("[email]"))
        #expect(reason.contains("[phone]"))
        #expect(!reason.contains("7946"), "checked in the answer: the random record id may contain any digits")
        #expect(reason.hasSuffix(" today"))
    }

    @Test func aOneMegabyteAnswerIsReaskedAndNeverStored() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let huge = String(repeating: "a", count: 1 << 20)
        let run = try KioskBinary.runPiped(
            fixture.runArguments(), input: "\n7\n\(huge)\nshort and sweet\n2\n\n", environment: fixture.environment())
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("the limit is 200. Please shorten it."))
        #expect(try fixture.onlyAnswers()["reason"] as? String == "short and sweet")
        let size = try FileManager.default.attributesOfItem(atPath: fixture.journalPath)[.size] as? Int ?? 0
        #expect(size < 1000)
    }

    @Test func inputThatEndsEarlySavesNothingAndSaysSo() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let run = try KioskBinary.runPiped(fixture.runArguments(), input: "\n9\n", environment: fixture.environment())
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("nothing was saved"))
        #expect(try fixture.journalRecords().isEmpty)
    }

    @Test func dryRunWritesNothing() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let run = try KioskBinary.runPiped(
            fixture.runArguments(["--dry-run"]), input: "\n9\n\n1\n\n", environment: fixture.environment())
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Dry run: nothing will be saved."))
        #expect(!FileManager.default.fileExists(atPath: fixture.journalPath))
    }

    @Test func aJournalInAMissingFolderIsRefusedBeforeTheWelcomeScreen() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let missing = fixture.directory.path("no-such-folder/journal.jsonl")
        let run = try KioskBinary.runPiped(
            ["run", fixture.questionnairePath, "--journal", missing], input: "\n9\n\n1\n\n", environment: fixture.environment())
        #expect(run.status == 1)
        #expect(run.standardError.contains(missing) || run.standardError.contains("no-such-folder"))
        #expect(!run.standardOutput.contains("Press Enter to start."))
    }

    @Test func anUnknownQuestionnaireIdNamesTheOnesAvailable() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let run = try KioskBinary.runPiped(
            ["run", "staff-pluse", "--questionnaires", KioskBinary.questionnairesFolder, "--dry-run"],
            input: "", environment: fixture.environment())
        #expect(run.status == 1)
        #expect(run.standardError.contains("staff-pulse"))
    }

    @Test func theShippedStaffPulseRunsEndToEndThroughAPipe() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let run = try KioskBinary.runPiped(
            ["run", "staff-pulse", "--journal", fixture.journalPath],
            input: String(repeating: "\n", count: 1) + "6\n" + String(repeating: ":skip\n", count: 2)
                + "slow approvals\nold laptops\n\n" + ":skip\n" + "1\n" + "\n",
            environment: fixture.environment(["KIOSK_QUESTIONNAIRES": KioskBinary.questionnairesFolder]))
        #expect(run.status == 0, "\(run.standardOutput)\n\(run.standardError)")
        let answers = try fixture.onlyAnswers()
        #expect(answers["recommend"] as? Int == 6)
    }
}
