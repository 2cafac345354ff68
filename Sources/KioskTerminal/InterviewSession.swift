import KioskCore

/// Walks one respondent through a questionnaire on a terminal or a pipe and stores the
/// finished response.
@MainActor
public struct InterviewSession {
    /// How one respondent's session ended.
    public enum Outcome: Sendable, Equatable {
        /// The response was stored at the sink's destination.
        case saved
        /// The respondent abandoned it, or input ended first: nothing was stored.
        case abandoned
        /// Ctrl-C: nothing was stored.
        case interrupted
        /// SIGTERM or SIGHUP from outside: nothing was stored.
        case terminated
        /// Storing failed; the message says why. Nothing was stored.
        case notSaved(String)
    }

    private let questionnaire: Questionnaire
    private let reader: LineReader
    private let output: TerminalOutput
    private let sink: ResponseSink
    private let parser: AnswerParser
    private let isDryRun: Bool
    private let makeRecord: ([(questionID: String, answer: Answer)]) -> JournalRecord

    /// Creates a session.
    ///
    /// - Parameters:
    ///   - parser: normalizes text answers as the journal will store them, so the review shows it.
    ///   - makeRecord: turns the final answers into an anonymized journal record.
    public init(
        questionnaire: Questionnaire,
        reader: LineReader,
        output: TerminalOutput,
        sink: ResponseSink,
        parser: AnswerParser,
        isDryRun: Bool,
        makeRecord: @escaping ([(questionID: String, answer: Answer)]) -> JournalRecord
    ) {
        self.questionnaire = questionnaire
        self.reader = reader
        self.output = output
        self.sink = sink
        self.parser = parser
        self.isDryRun = isDryRun
        self.makeRecord = makeRecord
    }

    /// Runs the interview from the welcome screen to the thanks screen (or until abandoned).
    public func run() -> Outcome {
        var interview = Interview(questionnaire: questionnaire, parser: parser)
        reader.forgetRespondent()
        defer { reader.forgetRespondent() }
        while true {
            let (screen, prompt, completions) = present(interview)
            output.clearScreen()
            output.write(screen)
            switch reader.readLine(prompt: prompt, completions: completions) {
            case .line(let text):
                interview.handle(.line(text))
            case .endOfInput:
                interview.handle(.endOfInput)
            case .interrupted:
                return .interrupted
            case .terminated:
                return .terminated
            }
            switch interview.step {
            case .submitted:
                return submit(interview)
            case .abandoned:
                output.write("Your response was abandoned; nothing was saved.\n")
                return .abandoned
            default:
                continue
            }
        }
    }

    private func submit(_ interview: Interview) -> Outcome {
        do {
            try sink.append(makeRecord(interview.finalAnswers))
        } catch {
            output.clearScreen()
            output.write(output.warning("Sorry: your answers could not be saved.") + "\n"
                + "Please tell a member of staff. (\(error))\n")
            return .notSaved("\(error)")
        }
        output.clearScreen()
        output.write(TextWrapper.wrap(questionnaire.thanks).joined(separator: "\n") + "\n")
        return .saved
    }

    /// The screen for the current step, the prompt, and what Tab completes there.
    private func present(_ interview: Interview) -> (screen: String, prompt: String, completions: [String]) {
        var notice = ""
        switch interview.notice {
        case .problem(let message): notice = output.warning(message) + "\n"
        case .help(let message): notice = message + "\n"
        case nil: break
        }
        switch interview.step {
        case .welcome:
            return (WelcomeScreen(questionnaire: questionnaire, isDryRun: isDryRun).render(output) + notice, "> ", [])
        case .question(let index):
            let screen = QuestionScreen(interview: interview, index: index)
            let kind = questionnaire.questions[index].kind
            return (screen.render(output) + notice, screen.prompt, kind.options)
        case .review:
            return (ReviewScreen(interview: interview).render(output) + notice, "> ", [])
        case .confirmingQuit:
            return ("Abandon this response? Nothing you typed will be saved. (y/N)\n", "> ", ["yes", "no"])
        case .submitted, .abandoned:
            return ("", "", [])
        }
    }
}
