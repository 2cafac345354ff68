import KioskCore

/// The answers given, numbered, before they are submitted.
struct ReviewScreen {
    /// Each answer gets one line after its "   → " indent, so six questions with long answers
    /// still fit an 80x24 terminal; the whole answer is kept and can be opened by its number.
    static let maximumShownCharacters = 70

    let interview: Interview

    func render(_ output: TerminalOutput) -> String {
        var lines = [output.bold("Please check your answers"), ""]
        for (number, index) in interview.applicableQuestionIndices.enumerated() {
            let question = interview.questionnaire.questions[index]
            lines.append(contentsOf: TextWrapper.wrap(question.prompt, firstPrefix: "\(number + 1). ", prefix: "   "))
            let shown = interview.answers[question.id].map { shortened($0.displayText) } ?? output.dim("(skipped)")
            lines.append(contentsOf: TextWrapper.wrap(shown, firstPrefix: "   → ", prefix: "     "))
        }
        lines.append("")
        lines.append(contentsOf: TextWrapper.wrap(
            "Press Enter to submit. Type a question's number to change that answer, or :quit to abandon."))
        return lines.joined(separator: "\n") + "\n"
    }

    private func shortened(_ text: String) -> String {
        text.count > Self.maximumShownCharacters ? text.prefix(Self.maximumShownCharacters) + "…" : text
    }
}
