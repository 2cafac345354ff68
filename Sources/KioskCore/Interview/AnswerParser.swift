/// Turns what a respondent typed into an ``Answer`` for one question, or says precisely why not.
///
/// Messages are written for the respondent: they name the valid answers rather than the rule
/// that failed ("Please type a whole number from 0 to 10.").
public struct AnswerParser: Sendable {
    /// Applied to every free-text answer before it is kept, so the review screen shows exactly
    /// what will be stored (the journal's scrubber in production).
    public var normalizeText: @Sendable (String) -> String

    /// Creates a parser.
    public init(normalizeText: @escaping @Sendable (String) -> String = { $0 }) {
        self.normalizeText = normalizeText
    }

    /// Parses one line typed at `question`. Many-entry text is parsed a line at a time with
    /// ``parseEntry(_:for:)`` instead.
    public func parse(_ input: String, for question: Question) -> Result<Answer, AnswerProblem> {
        let trimmed = input.trimmingWhitespace()
        switch question.kind {
        case .nps:
            return parseInteger(trimmed, from: 0, to: 10, labels: [:])
        case .scale(let min, let max, let labels):
            return parseInteger(trimmed, from: min, to: max, labels: labels)
        case .choice(let options, _):
            return parseChoice(trimmed, options: options)
        case .yesno:
            return parseChoice(trimmed, options: ["yes", "no"]).mapError { _ in
                AnswerProblem("Please type yes or no.")
            }
        case .multi(let options, let minPicks, let maxPicks):
            return parseMulti(trimmed, options: options, minPicks: minPicks, maxPicks: maxPicks)
        case .text(let maxLength, _, _):
            return parseText(trimmed, maxLength: maxLength).map(Answer.text)
        }
    }

    /// Parses one entry of a many-entry text answer.
    public func parseEntry(_ input: String, for question: Question) -> Result<String, AnswerProblem> {
        guard case .text(let maxLength, _, _) = question.kind else {
            return .failure(AnswerProblem("This question takes a single answer."))
        }
        return parseText(input.trimmingWhitespace(), maxLength: maxLength)
    }

    private func parseInteger(_ text: String, from low: Int, to high: Int, labels: [Int: String]) -> Result<Answer, AnswerProblem> {
        if let value = Int(text), (low...high).contains(value) {
            return .success(.number(value))
        }
        // A Likert label typed in words ("agree") is as clear as its number.
        let matches = labels.filter { $0.value.lowercased() == text.lowercased() }
        if matches.count == 1, let value = matches.first?.key {
            return .success(.number(value))
        }
        return .failure(AnswerProblem("Please type a whole number from \(low) to \(high)."))
    }

    private func parseChoice(_ text: String, options: [String]) -> Result<Answer, AnswerProblem> {
        switch OptionMatcher(options: options).match(text) {
        case .success(let option): .success(.text(option))
        case .failure(let problem): .failure(problem)
        }
    }

    private func parseMulti(_ text: String, options: [String], minPicks: Int, maxPicks: Int) -> Result<Answer, AnswerProblem> {
        let matcher = OptionMatcher(options: options)
        var picked: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let item = String(part).trimmingWhitespace()
            if item.isEmpty { continue }
            switch matcher.match(item) {
            case .success(let option):
                if !picked.contains(option) { picked.append(option) }
            case .failure(let problem):
                return .failure(problem)
            }
        }
        guard picked.count >= minPicks, picked.count <= maxPicks else {
            let range = minPicks == maxPicks
                ? "exactly \(minPicks)"
                : "between \(minPicks) and \(maxPicks)"
            return .failure(AnswerProblem(
                "Please choose \(range) \(maxPicks == 1 ? "option" : "options"), separated by commas."))
        }
        // Stored in the questionnaire's order so equal answers compare equal in reports.
        return .success(.list(options.filter(picked.contains)))
    }

    private func parseText(_ text: String, maxLength: Int) -> Result<String, AnswerProblem> {
        let normalized = normalizeText(text).trimmingWhitespace()
        let length = normalized.count
        guard length <= maxLength else {
            return .failure(AnswerProblem(
                "That answer is \(length) characters long; the limit is \(maxLength). Please shorten it."))
        }
        return .success(normalized)
    }
}

/// Why an answer was not accepted, in words for the respondent.
public struct AnswerProblem: Error, Sendable, Equatable {
    /// The message shown before the question is asked again.
    public var message: String

    /// Creates a problem with its message.
    public init(_ message: String) {
        self.message = message
    }
}

extension String {
    /// The string without leading and trailing white space (including no-break spaces).
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
