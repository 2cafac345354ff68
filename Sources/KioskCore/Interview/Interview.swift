/// One respondent's way through a questionnaire, as a pure state machine.
///
/// The terminal layer shows ``step`` and passes each line typed to ``handle(_:)``; nothing here
/// reads a terminal or writes a file, so every rule of the interview is testable with strings.
public struct Interview: Sendable {
    /// Where the respondent is.
    public enum Step: Sendable, Equatable {
        /// The welcome screen; Enter starts.
        case welcome
        /// The question at this index of ``Questionnaire/questions``.
        case question(index: Int)
        /// The list of answers; Enter or `y` submits, a number changes that answer.
        case review
        /// "Abandon this response?"; answering no returns to `returnTo`.
        indirect case confirmingQuit(returnTo: Step)
        /// The respondent confirmed the answers: store ``finalAnswers`` now.
        case submitted
        /// The respondent abandoned the response: store nothing.
        case abandoned
    }

    /// What the respondent did at a prompt.
    public enum Input: Sendable, Equatable {
        /// A line of text (without its newline).
        case line(String)
        /// End of input: Ctrl-D at an empty prompt, or the end of a pipe.
        case endOfInput
        /// The respondent asked to stop (Ctrl-C in kiosk mode): confirm before abandoning.
        case cancel
    }

    /// The questionnaire being answered.
    public let questionnaire: Questionnaire
    /// The current step.
    public private(set) var step: Step = .welcome
    /// Answers given so far by question id, including answers to questions that a later change
    /// made inapplicable (they are dropped from ``finalAnswers``).
    public private(set) var answers: [String: Answer] = [:]
    /// Entries typed so far for the current many-entry text question.
    public private(set) var pendingEntries: [String] = []
    /// The message to show above the next prompt (a re-ask reason, help), if any.
    public private(set) var notice: Notice?

    private let parser: AnswerParser
    /// Questions the respondent has been shown, so an optional question they skipped is not
    /// asked again after a change from the review screen.
    private var visited: Set<String> = []
    /// Set while the respondent changes one answer from the review screen.
    private var isRevising = false

    /// Starts an interview at the welcome screen.
    public init(questionnaire: Questionnaire, parser: AnswerParser = AnswerParser()) {
        self.questionnaire = questionnaire
        self.parser = parser
    }

    /// The questions that apply given the answers so far, in order.
    public var applicableQuestionIndices: [Int] {
        var current: [String: Answer] = [:]
        var indices: [Int] = []
        for (index, question) in questionnaire.questions.enumerated() {
            // A condition only sees answers to questions that themselves apply.
            if question.condition?.isSatisfied(by: current) ?? true {
                indices.append(index)
                if let answer = answers[question.id] { current[question.id] = answer }
            }
        }
        return indices
    }

    /// The answers that will be stored: those to questions that still apply, in order.
    public var finalAnswers: [(questionID: String, answer: Answer)] {
        applicableQuestionIndices.compactMap { index in
            let id = questionnaire.questions[index].id
            return answers[id].map { (id, $0) }
        }
    }

    /// "Question i of n" for the current question: its place among the questions that apply now.
    public var progress: (number: Int, total: Int)? {
        guard case .question(let index) = step else { return nil }
        let applicable = applicableQuestionIndices
        guard let position = applicable.firstIndex(of: index) else { return nil }
        return (position + 1, applicable.count)
    }

    /// Advances the interview by one input.
    public mutating func handle(_ input: Input) {
        notice = nil
        if input == .cancel {
            switch step {
            case .welcome: step = .abandoned
            case .question, .review: step = .confirmingQuit(returnTo: step)
            case .confirmingQuit, .submitted, .abandoned: break
            }
            return
        }
        switch step {
        case .welcome:
            handleAtWelcome(input)
        case .question(let index):
            handleAtQuestion(index, input)
        case .review:
            handleAtReview(input)
        case .confirmingQuit(let returnTo):
            handleQuitConfirmation(input, returnTo: returnTo)
        case .submitted, .abandoned:
            break
        }
    }

    // MARK: - Steps

    private mutating func handleAtWelcome(_ input: Input) {
        switch input {
        case .endOfInput, .cancel:
            step = .abandoned
        case .line(let text):
            if Command(text) == .quit {
                step = .abandoned
            } else {
                moveForward(from: -1)
            }
        }
    }

    private mutating func handleAtQuestion(_ index: Int, _ input: Input) {
        let question = questionnaire.questions[index]
        visited.insert(question.id)
        guard case .line(let text) = input else {
            // Ctrl-D in the middle of a list of entries ends the list, as an empty line does.
            if !pendingEntries.isEmpty {
                finishEntries(of: question, at: index)
            } else {
                step = .confirmingQuit(returnTo: step)
            }
            return
        }
        switch Command(text) {
        case .quit:
            step = .confirmingQuit(returnTo: step)
        case .help:
            notice = .help(question.help ?? "There is no more help for this question.")
        case .back:
            goBack(from: index)
        case .skip:
            if question.isRequired {
                notice = .problem("This question needs an answer; it cannot be skipped.")
            } else {
                answers[question.id] = nil
                pendingEntries = []
                advance(after: index)
            }
        case .unknown(let word):
            notice = .problem("\"\(word)\" is not a command. Commands: :back, :skip, :help, :quit.")
        case nil:
            answer(question, at: index, with: text)
        }
    }

    private mutating func answer(_ question: Question, at index: Int, with text: String) {
        if case .text(_, true, _) = question.kind {
            if text.trimmingWhitespace().isEmpty {
                finishEntries(of: question, at: index)
                return
            }
            switch parser.parseEntry(text, for: question) {
            case .success(let entry):
                if !entry.isEmpty { pendingEntries.append(entry) }
            case .failure(let problem):
                notice = .problem(problem.message)
            }
            return
        }
        if text.trimmingWhitespace().isEmpty {
            if question.isRequired {
                notice = .problem("This question needs an answer.")
            } else {
                answers[question.id] = nil
                advance(after: index)
            }
            return
        }
        switch parser.parse(text, for: question) {
        case .success(let answer):
            if case .text(let value) = answer, value.isEmpty {
                answers[question.id] = nil
            } else {
                answers[question.id] = answer
            }
            advance(after: index)
        case .failure(let problem):
            notice = .problem(problem.message)
        }
    }

    private mutating func finishEntries(of question: Question, at index: Int) {
        if pendingEntries.isEmpty && question.isRequired {
            notice = .problem("Please give at least one answer, then an empty line to finish.")
            return
        }
        answers[question.id] = pendingEntries.isEmpty ? nil : .list(pendingEntries)
        pendingEntries = []
        advance(after: index)
    }

    private mutating func handleAtReview(_ input: Input) {
        guard case .line(let text) = input else {
            step = .confirmingQuit(returnTo: .review)
            return
        }
        let typed = text.trimmingWhitespace().lowercased()
        if typed.isEmpty || typed == "y" || typed == "yes" {
            step = .submitted
            return
        }
        switch Command(text) {
        case .quit:
            step = .confirmingQuit(returnTo: .review)
            return
        case .back:
            if let last = applicableQuestionIndices.last { enter(last) }
            return
        case .help:
            notice = .help("Press Enter to submit your answers, or type a question's number to change that answer.")
            return
        default:
            break
        }
        let applicable = applicableQuestionIndices
        if let number = Int(typed), (1...applicable.count).contains(number) {
            isRevising = true
            enter(applicable[number - 1])
        } else {
            notice = .problem("Press Enter to submit, or type a number from 1 to \(applicable.count) to change that answer.")
        }
    }

    private mutating func handleQuitConfirmation(_ input: Input, returnTo: Step) {
        switch input {
        case .endOfInput, .cancel:
            step = .abandoned
        case .line(let text):
            let typed = text.trimmingWhitespace().lowercased()
            if typed == "y" || typed == "yes" {
                step = .abandoned
            } else {
                step = returnTo
                notice = .help("Your answers are still here; carry on where you left off.")
            }
        }
    }

    // MARK: - Moving between questions

    private mutating func enter(_ index: Int) {
        step = .question(index: index)
        pendingEntries = []
    }

    /// After an answer: the next question to ask, or the review screen.
    private mutating func advance(after index: Int) {
        if isRevising {
            // A change can make a follow-up apply that was never asked; ask those, then review.
            let unseen = applicableQuestionIndices.first { $0 > index && !visited.contains(questionnaire.questions[$0].id) }
            if let unseen {
                enter(unseen)
            } else {
                isRevising = false
                step = .review
            }
            return
        }
        moveForward(from: index)
    }

    private mutating func moveForward(from index: Int) {
        if let next = applicableQuestionIndices.first(where: { $0 > index }) {
            enter(next)
        } else {
            step = .review
        }
    }

    private mutating func goBack(from index: Int) {
        isRevising = false
        if let previous = applicableQuestionIndices.last(where: { $0 < index }) {
            enter(previous)
        } else {
            notice = .problem("This is the first question.")
        }
    }
}

extension Interview {
    /// A message shown above the prompt.
    public enum Notice: Sendable, Equatable {
        /// The answer was not accepted; says why.
        case problem(String)
        /// Guidance the respondent asked for or needs.
        case help(String)
    }

    /// The commands a respondent may type at any prompt.
    enum Command: Equatable {
        case back, skip, help, quit
        case unknown(String)

        /// The command `text` names, or `nil` when it is an answer (does not start with `:`).
        init?(_ text: String) {
            let typed = text.trimmingWhitespace().lowercased()
            guard typed.hasPrefix(":"), typed.count > 1 else { return nil }
            switch typed {
            case ":back", ":b": self = .back
            case ":skip", ":s": self = .skip
            case ":help", ":h", ":?": self = .help
            case ":quit", ":q": self = .quit
            default: self = .unknown(String(typed.prefix(20)))
            }
        }
    }
}
