import Foundation
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
        /// Nobody touched a key for the idle timeout: the partial response was discarded.
        case timedOut
        /// Ctrl-C outside kiosk mode: nothing was stored.
        case interrupted
        /// SIGTERM or SIGHUP from outside: nothing was stored.
        case terminated
        /// `:admin` was typed at the welcome screen (kiosk mode only).
        case adminRequested
        /// Input ended at the welcome screen: a pipe ran dry, nobody is left to answer.
        case inputEnded
        /// Storing failed; the message says why. Nothing was stored.
        case notSaved(String)
    }

    /// Differences between a one-off run and an unattended kiosk.
    public struct Behaviour: Sendable {
        /// Kiosk mode: Ctrl-C offers to start over instead of ending the program, and
        /// `:admin` at the welcome screen asks for the PIN.
        public var isLockedDown = false
        /// After this long without a key mid-response, the response is discarded; `nil` never.
        public var idleTimeout: Duration?
        /// How long "Are you still there?" counts down before the response is discarded: the
        /// last 15 seconds of the timeout, or its second half when it is shorter than 30 s.
        public var countdown: Duration {
            guard let idleTimeout else { return .zero }
            return min(.seconds(15), idleTimeout / 2)
        }

        /// One respondent, no lockdown, no idle timeout.
        public init(isLockedDown: Bool = false, idleTimeout: Duration? = nil) {
            self.isLockedDown = isLockedDown
            self.idleTimeout = idleTimeout
        }
    }

    private let questionnaire: Questionnaire
    private let reader: LineReader
    private let output: TerminalOutput
    private let sink: ResponseSink
    private let parser: AnswerParser
    private let isDryRun: Bool
    private let behaviour: Behaviour
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
        behaviour: Behaviour = Behaviour(),
        makeRecord: @escaping ([(questionID: String, answer: Answer)]) -> JournalRecord
    ) {
        self.questionnaire = questionnaire
        self.reader = reader
        self.output = output
        self.sink = sink
        self.parser = parser
        self.isDryRun = isDryRun
        self.behaviour = behaviour
        self.makeRecord = makeRecord
    }

    /// Runs the interview from the welcome screen to the thanks screen (or until abandoned).
    public func run() -> Outcome {
        var interview = Interview(questionnaire: questionnaire, parser: parser)
        reader.forgetRespondent()
        defer { reader.forgetRespondent() }
        var prefill = ""
        while true {
            let (screen, prompt, completions) = present(interview)
            output.clearScreen()
            output.write(screen)
            // Nothing is lost at the welcome screen, so it waits for as long as it takes.
            reader.idleAfter = interview.step == .welcome ? nil : behaviour.idleTimeout.map { $0 - behaviour.countdown }
            let input = reader.readLine(prompt: prompt, completions: completions, prefill: prefill)
            prefill = ""
            switch input {
            case .line(let text):
                if behaviour.isLockedDown && interview.step == .welcome && text.trimmingCharacters(in: .whitespaces) == ":admin" {
                    return .adminRequested
                }
                interview.handle(.line(text))
            case .endOfInput:
                // Ctrl-D at a locked-down kiosk's welcome screen must not end the program; the
                // end of a pipe does.
                if interview.step == .welcome && (!behaviour.isLockedDown || !reader.isInteractive) {
                    return .inputEnded
                }
                if interview.step == .welcome { continue }
                interview.handle(.endOfInput)
            case .interrupted:
                guard behaviour.isLockedDown else { return .interrupted }
                interview.handle(.cancel)
            case .terminated:
                return .terminated
            case .resized(let partial):
                prefill = partial
                continue
            case .idle(let partial):
                switch countDown() {
                case .key: prefill = partial
                case .deadline: return .timedOut
                case .terminated: return .terminated
                }
                continue
            }
            switch interview.step {
            case .submitted:
                return submit(interview)
            case .abandoned:
                if interview.answers.isEmpty && behaviour.isLockedDown { return .abandoned }
                output.write("Your response was abandoned; nothing was saved.\n")
                return .abandoned
            default:
                continue
            }
        }
    }

    /// "Are you still there?" with the seconds left, until a key or the end of the countdown.
    private func countDown() -> KeyWait {
        let deadline = ContinuousClock.now + behaviour.countdown
        output.clearScreen()
        while true {
            let remaining = deadline - ContinuousClock.now
            let seconds = Int((remaining + .milliseconds(999)).components.seconds)
            output.write("\r" + output.bold("Are you still there? Press any key to continue.")
                + " Starting over in \(seconds) s. \u{1B}[K")
            guard remaining > .zero else { break }
            let result = reader.waitForKey(until: min(deadline, ContinuousClock.now + .seconds(1)))
            if result != .deadline {
                output.write("\n")
                return result
            }
        }
        output.write("\n")
        return .deadline
    }

    private func submit(_ interview: Interview) -> Outcome {
        do {
            try sink.append(makeRecord(interview.finalAnswers))
        } catch {
            // The review stays on screen above the message, so nothing the respondent typed
            // disappears before staff have seen what happened.
            output.write("\n" + output.warning("Sorry: your answers could not be saved.") + "\n"
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
            let question = behaviour.isLockedDown
                ? "Start over? Your answers so far will be thrown away. (y/N)"
                : "Abandon this response? Nothing you typed will be saved. (y/N)"
            return (question + "\n", "> ", ["yes", "no"])
        case .submitted, .abandoned:
            return ("", "", [])
        }
    }
}
