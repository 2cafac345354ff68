/// One answer as it is stored: numbers for `nps`/`scale`, a string for `choice`/`yesno`/`text`,
/// a list of strings for `multi` and many-entry text. A skipped question has no answer at all.
public enum Answer: Sendable, Equatable, Hashable {
    case number(Int)
    case text(String)
    case list([String])

    /// The answer as one line for the review screen and reports.
    public var displayText: String {
        switch self {
        case .number(let number): String(number)
        case .text(let text): text
        case .list(let items): items.joined(separator: "; ")
        }
    }
}
