import Foundation
import KioskTestSupport
import Testing

/// The real binary on a pseudo-terminal, typed at like a person would. Serialized: each test
/// owns a terminal and a child process.
@Suite(.serialized) struct TerminalInterviewTests {
    /// Starts the interview and answers the NPS question with 9.
    private func startAndAnswerScore(_ fixture: KioskFixture) throws -> PseudoTerminalProcess {
        let terminal = try fixture.startOnTerminal()
        try terminal.begin()
        try terminal.answer("9", expecting: "Question 2 of 3")
        return terminal
    }

    private func finish(_ terminal: PseudoTerminalProcess, team: String = "1") throws {
        try terminal.expectPrompt(after: "Question 3 of 3")
        try terminal.answer(team, expecting: "Please check your answers")
        try terminal.submit()
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func arrowKeysHomeEndAndControlKeysEditTheLine() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        typealias K = TerminalKey
        // Each step leaves a trace in the final line, so every key has to work:
        // "world" Ctrl-A "hello "         -> "hello world"
        // End "!" Left "?"                -> "hello world?!"
        // Ctrl-A Right x6 Ctrl-K "there"  -> "hello there"
        // Ctrl-W "again"                  -> "hello again"
        // Home "[" Ctrl-E "]"             -> "[hello again]"
        terminal.send("world" + K.ctrlA + "hello " + K.end + "!" + K.left + "?")
        terminal.send(K.ctrlA + String(repeating: K.right, count: 6) + K.ctrlK + "there")
        terminal.send(K.ctrlW + "again" + K.home + "[" + K.ctrlE + "]" + K.enter)
        try finish(terminal)
        #expect(try fixture.onlyAnswers()["reason"] as? String == "[hello again]")
    }

    @Test func aMultiByteCharacterEditedInTheMiddleStaysWhole() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        // No LANG or LC_ALL: kiosk must fall back to a UTF-8 locale by itself.
        let terminal = try startAndAnswerScore(fixture)
        terminal.send("日本語" + TerminalKey.left + TerminalKey.backspace + "é" + TerminalKey.enter)
        try finish(terminal)
        #expect(try fixture.onlyAnswers()["reason"] as? String == "日é語")
    }

    @Test func tabCompletesAnOptionName() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        terminal.send("because" + TerminalKey.enter)
        try finish(terminal, team: "Su" + TerminalKey.tab)
        #expect(try fixture.onlyAnswers()["team"] as? String == "Support")
    }

    @Test func elevenIsReaskedWithTheValidRange() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try fixture.startOnTerminal()
        try terminal.begin()
        terminal.send("11" + TerminalKey.enter)
        // The same question again, with the reason just above the prompt.
        try terminal.expect("Question 1 of 3")
        try terminal.expectPrompt(after: "Please type a whole number from 0 to 10.")
        try terminal.answer("10", expecting: "Question 2 of 3")
        terminal.send(TerminalKey.enter)
        try finish(terminal)
        let answers = try fixture.onlyAnswers()
        #expect(answers["recommend"] as? Int == 10)
        #expect(answers["reason"] == nil)
    }

    @Test func backReturnsToThePreviousQuestion() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        try terminal.answer(":back", expecting: "Question 1 of 3")
        try terminal.answer("4", expecting: "Question 2 of 3")
        terminal.send("slow tools" + TerminalKey.enter)
        try finish(terminal)
        #expect(try fixture.onlyAnswers()["recommend"] as? Int == 4)
    }

    @Test func anAnswerChangedFromTheReviewScreenIsTheOneStored() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        try terminal.answer("first thoughts", expecting: "Question 3 of 3")
        try terminal.answer("2", expecting: "Please check your answers")
        try terminal.answer("2", expecting: "Question 2 of 3")
        // Up brings back this respondent's own earlier line to edit.
        terminal.send(TerminalKey.up + TerminalKey.ctrlU + "second thoughts" + TerminalKey.enter)
        try terminal.expect("second thoughts")
        try terminal.expectPrompt(after: "Please check your answers")
        terminal.send("y" + TerminalKey.enter)
        try terminal.expect("Thanks for testing.")
        #expect(try terminal.waitForExit() == 0)
        let answers = try fixture.onlyAnswers()
        #expect(answers["reason"] as? String == "second thoughts")
        #expect(answers["team"] as? String == "Service")
    }

    @Test func ctrlDAtAnEmptyPromptAsksBeforeAbandoning() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        terminal.send(TerminalKey.ctrlD)
        try terminal.expectPrompt(after: "Abandon this response?")
        try terminal.answer("n", expecting: "Question 2 of 3")
        terminal.send(TerminalKey.ctrlD)
        try terminal.expectPrompt(after: "Abandon this response?")
        terminal.send("y" + TerminalKey.enter)
        try terminal.expect("nothing was saved")
        #expect(try terminal.waitForExit() == 1)
        #expect(try fixture.journalRecords().isEmpty)
    }

    @Test func ctrlCWhileIdleStopsAtOnceAndSavesNothing() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        terminal.send("half an answer")
        try terminal.expect("half an answer")
        terminal.send(TerminalKey.ctrlC)
        try terminal.expect("Interrupted; nothing was saved.")
        #expect(try terminal.waitForExit() == 130)
        #expect(try fixture.journalRecords().isEmpty)
    }

    @Test func aJournalFolderThatVanishesIsCaughtAtSubmitWithTheAnswersStillOnScreen() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let folder = fixture.directory.path("journals")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let journal = folder + "/journal.jsonl"
        let terminal = try PseudoTerminalProcess(
            executable: KioskBinary.path, arguments: ["run", fixture.questionnairePath, "--journal", journal],
            environment: fixture.environment())
        try terminal.begin()
        try terminal.answer("9", expecting: "Question 2 of 3")
        try terminal.answer("remember this", expecting: "Question 3 of 3")
        try terminal.answer("1", expecting: "Please check your answers")
        try FileManager.default.removeItem(atPath: folder)
        terminal.send(TerminalKey.enter)
        let afterSubmit = try terminal.expect("your answers could not be saved")
        // The review (with "remember this") was drawn before the prompt; it must not be cleared.
        #expect(!afterSubmit.contains("\u{1B}[2J"))
        #expect(terminal.transcript.contains("remember this"))
        #expect(try terminal.waitForExit() == 1)
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func aOneMegabytePasteIsReaskedAtOnceAndTheNextLineKept() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        // Before the line cap, readline took minutes over a paste this size.
        terminal.send(String(repeating: "a", count: 1 << 20) + TerminalKey.enter + "short" + TerminalKey.enter)
        try terminal.expect("the limit is 200. Please shorten it.", timeout: .seconds(30))
        try finish(terminal)
        #expect(try fixture.onlyAnswers()["reason"] as? String == "short")
    }

    @Test func escapeSequencesTypedLiterallyNeverReachTheJournal() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        // Ctrl-V makes readline insert the next key as it is: a real ESC in the answer.
        let quotedEscape = "\u{16}\u{1B}"
        terminal.send("red" + quotedEscape + "[31m alert" + quotedEscape + "]0;title\u{16}\u{07} done" + TerminalKey.enter)
        try finish(terminal)
        let reason = try #require(try fixture.onlyAnswers()["reason"] as? String)
        #expect(!reason.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(reason.hasPrefix("red[31m alert"))
        #expect(reason.hasSuffix(" done"))
    }
}
