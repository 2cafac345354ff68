/// Matches what a respondent typed against a list of options: by number (1-based), by exact
/// name, or by a unique prefix of a name, ignoring case.
public struct OptionMatcher: Sendable {
    /// The options in the order they are shown.
    public let options: [String]

    /// Creates a matcher for `options`.
    public init(options: [String]) {
        self.options = options
    }

    /// The option `input` names, or a message that says why it names none.
    public func match(_ input: String) -> Result<String, AnswerProblem> {
        let typed = input.trimmingWhitespace()
        if let number = Int(typed) {
            if (1...options.count).contains(number) { return .success(options[number - 1]) }
            return .failure(AnswerProblem("Please type a number from 1 to \(options.count), or an option's name."))
        }
        let lowered = typed.lowercased()
        if let exact = options.first(where: { $0.lowercased() == lowered }) {
            return .success(exact)
        }
        let candidates = lowered.isEmpty ? [] : completions(of: typed)
        switch candidates.count {
        case 1:
            return .success(candidates[0])
        case 0:
            return .failure(AnswerProblem("Please type a number from 1 to \(options.count), or an option's name."))
        default:
            let names = candidates.map { "\"\($0)\"" }.joined(separator: ", ")
            return .failure(AnswerProblem("\"\(typed)\" could be \(names); type more of the name, or its number."))
        }
    }

    /// The options that start with `prefix`, ignoring case: what Tab completion offers.
    public func completions(of prefix: String) -> [String] {
        let lowered = prefix.trimmingWhitespace().lowercased()
        return options.filter { $0.lowercased().hasPrefix(lowered) }
    }
}
