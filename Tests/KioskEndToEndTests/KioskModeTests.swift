import Foundation
import KioskTestSupport
import Testing

/// `kiosk run --loop` on a pseudo-terminal: the unattended break-room kiosk.
@Suite(.serialized) struct KioskModeTests {
    static let pin = "2468"

    /// The admin PIN's hash, made by `kiosk pin` itself through a pipe.
    private func pinHash(_ fixture: KioskFixture) throws -> String {
        let run = try KioskBinary.runPiped(["pin"], input: "\(Self.pin)\n\(Self.pin)\n", environment: fixture.environment())
        #expect(run.status == 0, "\(run.standardError)")
        let hash = run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(hash.hasPrefix("$y$"))
        #expect(!run.standardOutput.contains(Self.pin))
        return hash
    }

    private func startKiosk(_ fixture: KioskFixture, _ extra: [String] = [], prefix: [String] = []) throws -> PseudoTerminalProcess {
        let environment = fixture.environment(["KIOSK_ADMIN_PIN_HASH": try pinHash(fixture)])
        let arguments = fixture.runArguments(["--loop"] + extra)
        if prefix.isEmpty {
            return try PseudoTerminalProcess(executable: KioskBinary.path, arguments: arguments, environment: environment)
        }
        return try PseudoTerminalProcess(
            executable: prefix[0], arguments: Array(prefix.dropFirst()) + [KioskBinary.path] + arguments, environment: environment)
    }

    /// Answers all three questions and submits; `then` is what the kiosk should say next.
    private func answerAll(_ terminal: PseudoTerminalProcess, reason: String, then: String = "Thanks for testing.") throws {
        try terminal.begin()
        try terminal.answer("8", expecting: "Question 2 of 3")
        try terminal.answer(reason, expecting: "Question 3 of 3")
        try terminal.answer("1", expecting: "Please check your answers")
        terminal.send(TerminalKey.enter)
        try terminal.expect(then)
    }

    private func stop(_ terminal: PseudoTerminalProcess) throws {
        terminal.signal(SIGTERM)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func twoRespondentsInARowWithTheScrollbackClearedBetween() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startKiosk(fixture)
        try answerAll(terminal, reason: "first person")
        // Enter skips the rest of the thanks screen; then screen and scrollback are cleared.
        terminal.send(TerminalKey.enter)
        let between = try terminal.expectPrompt(after: "Press Enter to start.")
        #expect(between.contains("\u{1B}[3J"))
        terminal.send(TerminalKey.enter)
        try terminal.expectPrompt(after: "Question 1 of 3")
        try terminal.answer("10", expecting: "Question 2 of 3")
        try terminal.answer("second person", expecting: "Question 3 of 3")
        try terminal.answer("2", expecting: "Please check your answers")
        try terminal.submit()
        try stop(terminal)
        let reasons = try fixture.journalRecords().compactMap { ($0["answers"] as? [String: Any])?["reason"] as? String }
        #expect(reasons == ["first person", "second person"])
    }

    @Test func nothingTypedByOneRespondentCanBeRecalledByTheNext() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startKiosk(fixture)
        try terminal.begin()
        try terminal.answer("3", expecting: "Question 2 of 3")
        // Into history, into the kill ring (Ctrl-A Ctrl-K), and a search string (Ctrl-R).
        try terminal.answer("my secret grievance" + TerminalKey.ctrlA + TerminalKey.ctrlK + "my secret grievance", expecting: "Question 3 of 3")
        terminal.send(TerminalKey.ctrlR + "secret" + TerminalKey.ctrlC)
        try terminal.expectPrompt(after: "Start over?")
        try terminal.answer("n", expecting: "Question 3 of 3")
        try terminal.answer("1", expecting: "Please check your answers")
        try terminal.submit()
        terminal.send(TerminalKey.enter)

        try terminal.begin()
        // The new respondent's first prompt, so their own history is empty too. Up (history),
        // Ctrl-Y (yank) and Ctrl-R Ctrl-R (repeat the last search) must all bring back nothing,
        // leaving an empty line for a required question.
        try terminal.answer(TerminalKey.up + TerminalKey.ctrlY + TerminalKey.ctrlR + TerminalKey.ctrlR, expecting: "This question needs an answer.")
        try terminal.answer("9", expecting: "Question 2 of 3")
        terminal.send(TerminalKey.enter)
        try terminal.expectPrompt(after: "Question 3 of 3")
        try terminal.answer("2", expecting: "Please check your answers")
        try terminal.submit()
        try stop(terminal)

        let records = try fixture.journalRecords()
        #expect(records.count == 2)
        let second = try #require(records.last?["answers"] as? [String: Any])
        #expect(second["reason"] == nil, "\(second)")
        #expect(second["recommend"] as? Int == 9)
    }

    @Test func anIdleResponseCountsDownAndIsDiscarded() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startKiosk(fixture, ["--idle-timeout", "2"])
        try terminal.begin()
        try terminal.answer("4", expecting: "Question 2 of 3")
        terminal.send("half a thou")
        try terminal.expect("Are you still there? Press any key to continue.")
        try terminal.expectPrompt(after: "Press Enter to start.")
        try stop(terminal)
        #expect(try fixture.journalRecords().isEmpty)
    }

    @Test func aKeyDuringTheCountdownKeepsWhatWasTyped() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startKiosk(fixture, ["--idle-timeout", "4"])
        try terminal.begin()
        try terminal.answer("4", expecting: "Question 2 of 3")
        terminal.send("still here")
        try terminal.expect("Are you still there?")
        terminal.send(" ")
        try terminal.expectPrompt(after: "Question 2 of 3")
        try terminal.answer(", really", expecting: "Question 3 of 3")
        try terminal.answer("3", expecting: "Please check your answers")
        try terminal.submit()
        try stop(terminal)
        #expect(try fixture.onlyAnswers()["reason"] as? String == "still here, really")
    }

    @Test func controlKeysDoNotEscape() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startKiosk(fixture)
        try terminal.expectPrompt(after: "Press Enter to start.")
        // At the welcome screen: Ctrl-C, Ctrl-D, Ctrl-Z and Ctrl-\ leave the kiosk where it is.
        terminal.send(TerminalKey.ctrlC)
        try terminal.expectPrompt(after: "Press Enter to start.")
        terminal.send(TerminalKey.ctrlD)
        try terminal.expectPrompt(after: "Press Enter to start.")
        try terminal.answer(TerminalKey.ctrlZ + TerminalKey.ctrlBackslash, expecting: "Question 1 of 3")
        try terminal.answer("6", expecting: "Question 2 of 3")
        try terminal.answer(TerminalKey.ctrlZ + TerminalKey.ctrlBackslash + "typed on", expecting: "Question 3 of 3")
        // Ctrl-C offers to start over; no keeps the answers.
        terminal.send(TerminalKey.ctrlC)
        try terminal.expectPrompt(after: "Start over?")
        try terminal.answer("n", expecting: "Question 3 of 3")
        // Ctrl-D at an empty prompt asks too; yes discards the response.
        terminal.send(TerminalKey.ctrlD)
        try terminal.expectPrompt(after: "Start over?")
        try terminal.answer("y", expecting: "Press Enter to start.")
        #expect(terminal.isRunning)
        try stop(terminal)
        #expect(try fixture.journalRecords().isEmpty)
    }

    @Test func aWrongPINIsRefusedAndTheRightOneStopsTheKiosk() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startKiosk(fixture)
        try terminal.expectPrompt(after: "Press Enter to start.")
        terminal.send(":admin" + TerminalKey.enter)
        try terminal.expect("Admin PIN: ")
        terminal.send("1357" + TerminalKey.enter)
        try terminal.expect("Wrong PIN.")
        terminal.send(TerminalKey.enter)
        try terminal.expectPrompt(after: "Press Enter to start.")
        terminal.send(":admin" + TerminalKey.enter)
        let prompt = try terminal.expect("Admin PIN: ")
        terminal.send(Self.pin + TerminalKey.enter)
        let accepted = try terminal.expect("Admin PIN accepted")
        // Typed without echo.
        #expect(!(prompt + accepted).contains(Self.pin))
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func sigtermMidResponseWritesNothingAndExitsZero() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startKiosk(fixture)
        try terminal.begin()
        try terminal.answer("7", expecting: "Question 2 of 3")
        terminal.send("unfinished")
        try terminal.expect("unfinished")
        try stop(terminal)
        #expect(try fixture.journalRecords().isEmpty)
    }

    @Test func aResizeRedrawsTheQuestionWithTheLineKept() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startKiosk(fixture)
        try terminal.begin()
        try terminal.answer("7", expecting: "Question 2 of 3")
        terminal.send("resized")
        try terminal.expect("resized")
        terminal.resize(rows: 30, columns: 100)
        try terminal.expectPrompt(after: "Question 2 of 3")
        try terminal.answer(" fine", expecting: "Question 3 of 3")
        try terminal.answer("1", expecting: "Please check your answers")
        try terminal.submit()
        try stop(terminal)
        #expect(try fixture.onlyAnswers()["reason"] as? String == "resized fine")
    }

    @Test func aWriteFailureShowsOutOfOrderUntilThePIN() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        // A journal already at the file-size limit: the next append must fail and be undone.
        let existing = String(repeating: "x", count: 4095) + "\n"
        try existing.write(toFile: fixture.journalPath, atomically: false, encoding: .utf8)
        let terminal = try startKiosk(fixture, prefix: ["/usr/bin/prlimit", "--fsize=4096"])
        try answerAll(terminal, reason: "lost?", then: "your answers could not be saved")
        terminal.send(TerminalKey.enter)
        try terminal.expectPrompt(after: "Out of order.")
        try terminal.answer("hello", expecting: "Out of order.")
        terminal.send(":admin" + TerminalKey.enter)
        try terminal.expect("Admin PIN: ")
        terminal.send(Self.pin + TerminalKey.enter)
        try terminal.expect("Admin PIN accepted")
        #expect(try terminal.waitForExit() == 1)
        #expect(try String(contentsOfFile: fixture.journalPath, encoding: .utf8) == existing)
    }
}
