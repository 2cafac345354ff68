import KioskCore
import Testing

/// A small staff pulse with a follow-up that only detractors and passives are asked.
private let pulse = Questionnaire(
    id: "pulse",
    title: "Pulse",
    questions: [
        Question(id: "recommend", prompt: "Recommend us?", kind: .nps(labels: [0: "Not at all", 10: "Extremely"])),
        Question(
            id: "better", prompt: "What would make it better?",
            condition: .comparison(questionID: "recommend", op: .lessOrEqual, value: .number(8)),
            kind: .text(maxLengthCharacters: 20, allowsManyEntries: false, themes: [])),
        Question(id: "barriers", prompt: "What gets in the way?",
                 kind: .text(maxLengthCharacters: 1000, allowsManyEntries: true, themes: [])),
        Question(id: "team", prompt: "Team?", kind: .choice(options: ["Sales", "Service", "Support"], isSegment: true)),
    ])

private func interview(_ lines: String...) -> Interview {
    var interview = Interview(questionnaire: pulse)
    for line in lines { interview.handle(.line(line)) }
    return interview
}

@Suite struct InterviewFlowTests {
    @Test func welcomeEnterStartsAtTheFirstQuestion() {
        #expect(interview("").step == .question(index: 0))
        #expect(interview("").progress?.number == 1)
    }

    @Test func outOfRangeNPSIsReaskedWithASpecificMessage() {
        let state = interview("", "11")
        #expect(state.step == .question(index: 0))
        #expect(state.notice == .problem("Please type a whole number from 0 to 10."))
        #expect(state.answers.isEmpty)
        #expect(interview("", "seven").notice == .problem("Please type a whole number from 0 to 10."))
    }

    @Test func promotersSkipTheDetractorFollowUp() {
        #expect(interview("", "9").step == .question(index: 2))
        #expect(interview("", "8").step == .question(index: 1))
    }

    @Test func manyEntryTextCollectsLinesUntilAnEmptyOne() {
        let state = interview("", "9", "slow laptops", "  too many meetings  ", "")
        #expect(state.answers["barriers"] == .list(["slow laptops", "too many meetings"]))
        #expect(state.step == .question(index: 3))
    }

    @Test func choiceAnswersByNumberNameOrUniquePrefix() {
        #expect(interview("", "9", "", "2").answers["team"] == .text("Service"))
        #expect(interview("", "9", "", "sales").answers["team"] == .text("Sales"))
        #expect(interview("", "9", "", "Sup").answers["team"] == .text("Support"))
        let ambiguous = interview("", "9", "", "s")
        #expect(ambiguous.step == .question(index: 3))
        #expect(ambiguous.notice == .problem(#""s" could be "Sales", "Service", "Support"; type more of the name, or its number."#))
        #expect(interview("", "9", "", "4").notice == .problem("Please type a number from 1 to 3, or an option's name."))
    }

    @Test func backReturnsToThePreviousApplicableQuestionWithTheAnswerKept() {
        let state = interview("", "9", ":back")
        #expect(state.step == .question(index: 0))
        #expect(state.answers["recommend"] == .number(9))
        #expect(interview("", ":back").notice == .problem("This is the first question."))
    }

    @Test func onlyOptionalQuestionsCanBeSkipped() {
        let required = interview("", ":skip")
        #expect(required.step == .question(index: 0))
        #expect(required.notice == .problem("This question needs an answer; it cannot be skipped."))
        let optional = interview("", "5", ":skip")
        #expect(optional.step == .question(index: 2))
        #expect(optional.answers["better"] == nil)
    }

    @Test func textLongerThanItsLimitIsReaskedNotCut() {
        let state = interview("", "5", String(repeating: "x", count: 21))
        #expect(state.step == .question(index: 1))
        #expect(state.notice == .problem("That answer is 21 characters long; the limit is 20. Please shorten it."))
    }

    @Test func helpShowsTheQuestionsHelp() {
        #expect(interview("", ":help").notice == .help("There is no more help for this question."))
    }

    @Test func quitIsConfirmedAndNoReturnsToTheSameQuestion() {
        var state = interview("", "9", ":quit")
        #expect(state.step == .confirmingQuit(returnTo: .question(index: 2)))
        state.handle(.line("n"))
        #expect(state.step == .question(index: 2))
        state.handle(.endOfInput)
        #expect(state.step == .confirmingQuit(returnTo: .question(index: 2)))
        state.handle(.line("yes"))
        #expect(state.step == .abandoned)
    }

    @Test func reviewSubmitsOnEnterWithOnlyApplicableAnswers() {
        var state = interview("", "9", "meetings", "", "1")
        #expect(state.step == .review)
        state.handle(.line(""))
        #expect(state.step == .submitted)
        #expect(state.finalAnswers.map(\.questionID) == ["recommend", "barriers", "team"])
    }

    @Test func changingAnAnswerFromReviewAsksANewlyApplicableFollowUpThenReturns() {
        var state = interview("", "9", "", "1")
        #expect(state.step == .review)
        state.handle(.line("1"))
        #expect(state.step == .question(index: 0))
        state.handle(.line("3"))
        // The follow-up for detractors now applies and has never been asked.
        #expect(state.step == .question(index: 1))
        state.handle(.line("more staff"))
        #expect(state.step == .review)
        #expect(state.answers["recommend"] == .number(3))
        #expect(state.answers["better"] == .text("more staff"))
    }

    @Test func anAnswerToAQuestionThatStoppedApplyingIsNotStored() {
        var state = interview("", "3", "more staff", "", "1", "1", "10")
        #expect(state.step == .review)
        state.handle(.line("y"))
        #expect(state.step == .submitted)
        #expect(state.finalAnswers.map(\.questionID) == ["recommend", "team"])
    }

    @Test func reviewRejectsANumberOutsideTheList() {
        let state = interview("", "9", "", "1", "7")
        #expect(state.step == .review)
        #expect(state.notice == .problem("Press Enter to submit, or type a number from 1 to 3 to change that answer."))
    }

    @Test func endOfInputAtTheWelcomeScreenAbandons() {
        var state = Interview(questionnaire: pulse)
        state.handle(.endOfInput)
        #expect(state.step == .abandoned)
    }
}

@Suite struct AnswerParserTests {
    private let parser = AnswerParser()

    @Test func scaleAcceptsNumbersInRangeAndLabelsByName() throws {
        let likert = Question(id: "q", prompt: "?", kind: .scale(min: 1, max: 5, labels: [1: "Strongly disagree", 4: "Agree"]))
        #expect(try parser.parse("4", for: likert).get() == .number(4))
        #expect(try parser.parse(" agree ", for: likert).get() == .number(4))
        #expect(throws: AnswerProblem("Please type a whole number from 1 to 5.")) { try parser.parse("6", for: likert).get() }
        #expect(throws: AnswerProblem("Please type a whole number from 1 to 5.")) { try parser.parse("2.5", for: likert).get() }
    }

    @Test func yesNoAcceptsShortFormsAndNamesTheValidAnswers() throws {
        let question = Question(id: "q", prompt: "?", kind: .yesno)
        #expect(try parser.parse("Y", for: question).get() == .text("yes"))
        #expect(try parser.parse("no", for: question).get() == .text("no"))
        #expect(throws: AnswerProblem("Please type yes or no.")) { try parser.parse("maybe", for: question).get() }
    }

    @Test func multiEnforcesPickCountsAndKeepsQuestionnaireOrder() throws {
        let question = Question(id: "q", prompt: "?", kind: .multi(options: ["Email", "Chat", "Phone"], minPicks: 1, maxPicks: 2))
        #expect(try parser.parse("3, email", for: question).get() == .list(["Email", "Phone"]))
        #expect(try parser.parse("chat; chat", for: question).get() == .list(["Chat"]))
        #expect(throws: AnswerProblem("Please choose between 1 and 2 options, separated by commas.")) {
            try parser.parse("1,2,3", for: question).get()
        }
    }

    @Test func textIsNormalizedBeforeItsLengthIsChecked() throws {
        let scrubbing = AnswerParser(normalizeText: { $0.replacingOccurrences(of: "secret", with: "[x]") })
        let question = Question(id: "q", prompt: "?", kind: .text(maxLengthCharacters: 5, allowsManyEntries: false, themes: []))
        #expect(try scrubbing.parse(" secret ", for: question).get() == .text("[x]"))
    }
}
