import KioskCore

/// One question: where the respondent is, the prompt, help, and what counts as an answer.
struct QuestionScreen {
    let interview: Interview
    let index: Int

    func render(_ output: TerminalOutput) -> String {
        let question = interview.questionnaire.questions[index]
        var lines: [String] = []
        if let progress = interview.progress {
            lines.append(output.dim("\(interview.questionnaire.title) · Question \(progress.number) of \(progress.total)"))
            lines.append("")
        }
        lines.append(contentsOf: TextWrapper.wrap(question.prompt).map(output.bold))
        if let help = question.help {
            lines.append(contentsOf: TextWrapper.wrap(help).map(output.dim))
        }
        lines.append("")
        lines.append(contentsOf: answerGuide(for: question))
        if !interview.pendingEntries.isEmpty {
            lines.append("")
            for (number, entry) in interview.pendingEntries.enumerated() {
                lines.append(contentsOf: TextWrapper.wrap(entry, firstPrefix: "  \(number + 1). ", prefix: "     "))
            }
        }
        lines.append(output.dim(commandsLine(for: question)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The prompt readline shows on the input line.
    var prompt: String {
        let question = interview.questionnaire.questions[index]
        if case .text(_, true, _) = question.kind {
            return "\(interview.pendingEntries.count + 1)> "
        }
        return "> "
    }

    private func answerGuide(for question: Question) -> [String] {
        switch question.kind {
        case .nps(let labels):
            let low = labels[0].map { " (\($0))" } ?? ""
            let high = labels[10].map { " (\($0))" } ?? ""
            return ["Type a number from 0\(low) to 10\(high)."]
        case .scale(let min, let max, let labels):
            var lines = ["Type a number from \(min) to \(max)."]
            for value in labels.keys.sorted() {
                if let label = labels[value] { lines.append("  \(value)  \(label)") }
            }
            return lines
        case .choice(let options, _):
            return numbered(options) + ["Type a number or the start of a name (Tab completes)."]
        case .multi(let options, let minPicks, let maxPicks):
            let count = minPicks == maxPicks ? "\(minPicks)" : "\(minPicks) to \(maxPicks)"
            return numbered(options) + ["Choose \(count), separated by commas (Tab completes names)."]
        case .yesno:
            return ["Type yes or no."]
        case .text(let maxLength, let many, _):
            if many {
                return ["One item per line, up to \(maxLength) characters each; an empty line when you are done."]
            }
            return ["Type your answer (up to \(maxLength) characters) and press Enter."]
        }
    }

    private func numbered(_ options: [String]) -> [String] {
        options.enumerated().map { "  \($0.offset + 1). \($0.element)" }
    }

    private func commandsLine(for question: Question) -> String {
        var commands = [":back", ":help", ":quit"]
        if !question.isRequired { commands.insert(":skip", at: 1) }
        return "(" + commands.joined(separator: "  ") + ")"
    }
}
