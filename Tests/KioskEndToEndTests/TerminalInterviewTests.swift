import Foundation
import KioskTestSupport
import Testing

/// Keys as a terminal sends them (xterm, normal cursor mode).
private enum Key {
    static let left = "\u{1B}[D"
    static let right = "\u{1B}[C"
    static let up = "\u{1B}[A"
    static let home = "\u{1B}[H"
    static let end = "\u{1B}[F"
    static let ctrlA = "\u{01}"
    static let ctrlC = "\u{03}"
    static let ctrlD = "\u{04}"
    static let ctrlE = "\u{05}"
    static let ctrlK = "\u{0B}"
    static let ctrlU = "\u{15}"
    static let ctrlW = "\u{17}"
    static let backspace = "\u{7F}"
    static let tab = "\t"
    static let enter = "\r"
}

/// The real binary on a pseudo-terminal, typed at like a person would. Serialized: each test
/// owns a terminal and a child process.
@Suite(.serialized) struct TerminalInterviewTests {
    /// Starts the interview and answers the NPS question with 9.
    private func startAndAnswerScore(_ fixture: KioskFixture) throws -> PseudoTerminalProcess {
        let terminal = try fixture.startOnTerminal()
        try terminal.expectPrompt(after: "Press Enter to start.")
        terminal.send(Key.enter)
        try terminal.expectPrompt(after: "Question 1 of 3")
        terminal.send("9" + Key.enter)
        try terminal.expectPrompt(after: "Question 2 of 3")
        return terminal
    }

    private func finish(_ terminal: PseudoTerminalProcess, team: String = "1") throws {
        try terminal.expectPrompt(after: "Question 3 of 3")
        terminal.send(team + Key.enter)
        try terminal.expectPrompt(after: "Please check your answers")
        terminal.send(Key.enter)
        try terminal.expect("Thanks for testing.")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func arrowKeysHomeEndAndControlKeysEditTheLine() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        // "world" -> Ctrl-A, "hello " -> End, "!" -> Left x1, "?" : "hello world?!"
        terminal.send("world" + Key.ctrlA + "hello " + Key.end + "!" + Key.left + "?")
        // Ctrl-E then Ctrl-W deletes the last word, so retype it: "hello world?!" again.
        terminal.send(Key.ctrlE + Key.ctrlW + "world?!" + Key.home + Key.ctrlK + "kept " + Key.ctrlE)
        terminal.send(Key.enter)
        try finish(terminal)
        #expect(try fixture.onlyAnswers()["reason"] as? String == "kept")
    }

    @Test func aMultiByteCharacterEditedInTheMiddleStaysWhole() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        // No LANG or LC_ALL: kiosk must fall back to a UTF-8 locale by itself.
        let terminal = try startAndAnswerScore(fixture)
        terminal.send("日本語" + Key.left + Key.backspace + "é" + Key.enter)
        try finish(terminal)
        #expect(try fixture.onlyAnswers()["reason"] as? String == "日é語")
    }

    @Test func tabCompletesAnOptionName() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        terminal.send("because" + Key.enter)
        try finish(terminal, team: "Su" + Key.tab)
        #expect(try fixture.onlyAnswers()["team"] as? String == "Support")
    }

    @Test func elevenIsReaskedWithTheValidRange() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try fixture.startOnTerminal()
        try terminal.expectPrompt(after: "Press Enter to start.")
        terminal.send(Key.enter)
        try terminal.expectPrompt(after: "Question 1 of 3")
        terminal.send("11" + Key.enter)
        // The same question again, with the reason just above the prompt.
        try terminal.expect("Question 1 of 3")
        try terminal.expectPrompt(after: "Please type a whole number from 0 to 10.")
        terminal.send("10" + Key.enter)
        try terminal.expectPrompt(after: "Question 2 of 3")
        terminal.send(Key.enter)
        try finish(terminal)
        let answers = try fixture.onlyAnswers()
        #expect(answers["recommend"] as? Int == 10)
        #expect(answers["reason"] == nil)
    }

    @Test func backReturnsToThePreviousQuestion() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        terminal.send(":back" + Key.enter)
        try terminal.expectPrompt(after: "Question 1 of 3")
        terminal.send("4" + Key.enter)
        try terminal.expectPrompt(after: "Question 2 of 3")
        terminal.send("slow tools" + Key.enter)
        try finish(terminal)
        #expect(try fixture.onlyAnswers()["recommend"] as? Int == 4)
    }

    @Test func anAnswerChangedFromTheReviewScreenIsTheOneStored() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let terminal = try startAndAnswerScore(fixture)
        terminal.send("first thoughts" + Key.enter)
        try terminal.expectPrompt(after: "Question 3 of 3")
        terminal.send("2" + Key.enter)
        try terminal.expectPrompt(after: "Please check your answers")
        terminal.send("2" + Key.enter)
        try terminal.expectPrompt(after: "Question 2 of 3")
        // Up brings back this respondent's own earlier line to edit.
        terminal.send(Key.up + Key.ctrlU + "second thoughts" + Key.enter)
        try terminal.expect("second thoughts")
        try terminal.expectPrompt(after: "Please check your answers")
        terminal.send("y" + Key.enter)
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
        terminal.send(Key.ctrlD)
        try terminal.expectPrompt(after: "Abandon this response?")
        terminal.send("n" + Key.enter)
        try terminal.expectPrompt(after: "Question 2 of 3")
        terminal.send(Key.ctrlD)
        try terminal.expectPrompt(after: "Abandon this response?")
        terminal.send("y" + Key.enter)
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
        terminal.send(Key.ctrlC)
        try terminal.expect("Interrupted; nothing was saved.")
        #expect(try terminal.waitForExit() == 130)
        #expect(try fixture.journalRecords().isEmpty)
    }
}
