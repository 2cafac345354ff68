import KioskCore
@testable import KioskTerminal
import Testing

/// Every screen must fit an 80x24 terminal, the smallest a kiosk is expected to have.
@MainActor
@Suite struct ScreenSizeTests {
    private let output = TerminalOutput(fileDescriptor: -1, plain: true)

    private func sixQuestionReview(answer: String) -> Interview {
        let questions = (1...5).map { number in
            Question(id: "q\(number)", prompt: "If you were in the CEO's shoes, what is the first thing you would change?",
                     kind: .text(maxLengthCharacters: 1000, allowsManyEntries: false, themes: []))
        } + [Question(id: "team", prompt: "Which team do you work in?", kind: .choice(options: ["Sales", "Service"], isSegment: true))]
        var interview = Interview(questionnaire: Questionnaire(id: "long", title: "Long", questions: questions))
        for line in [""] + Array(repeating: answer, count: 5) + ["1"] { interview.handle(.line(line)) }
        return interview
    }

    @Test func aReviewOfSixLongAnswersFitsEightyByTwentyFour() {
        let interview = sixQuestionReview(answer: String(repeating: "word ", count: 190))
        #expect(interview.step == .review)
        let lines = ReviewScreen(interview: interview).render(output).split(separator: "\n", omittingEmptySubsequences: false)
        // One line is left for the prompt.
        #expect(lines.count <= 23, "\(lines.count) lines")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.map(\.count).max() ?? 0) columns")
    }

    @Test func theLongestShippedStyleQuestionFitsWithItsOptions() {
        let question = Question(
            id: "team", prompt: "Which team do you work in?",
            help: "Results for a team are only shown when enough people from it have answered.",
            kind: .choice(options: ["Sales", "Service", "Operations", "Product & Engineering", "Support functions", "Other"], isSegment: true))
        var interview = Interview(questionnaire: Questionnaire(id: "one", title: "Staff pulse", questions: [question]))
        interview.handle(.line(""))
        let lines = QuestionScreen(interview: interview, index: 0).render(output).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 21, "room for a notice and the prompt")
        #expect(lines.allSatisfy { $0.count <= 80 })
    }
}
